package dev.loopsim.users.choice;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every response model a scenario can name under {@code world.response.type}. They share
 * examination by position, perceived utility and watching, and differ in the choice among the
 * examined slots: a new one is a {@link ChoiceRule} and a line here.
 */
public final class ResponseModels {

    /** A registered response model: its kebab-case name, what it is, and its choice rule. */
    public record Type(String name, String description, Supplier<ChoiceRule> choice) { }

    public static final String DEFAULT = "position-based-logit";

    private static final List<Type> TYPES = List.of(
            new Type(DEFAULT, "one multinomial logit over the examined slots and playing nothing", LogitChoice::new),
            new Type("cascade", "read the examined slots in order, play the first that beats playing nothing", CascadeChoice::new),
            new Type("position-based-click", "each examined slot clicked with its own attraction σ((P − u_0)/τ), "
                    + "independently of the others (the PBM)", ClickChoice::new));

    private ResponseModels() { }

    public static Optional<Type> find(String name) {
        return TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return TYPES.stream().map(Type::name).toList();
    }
}
