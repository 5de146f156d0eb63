package dev.loopsim.users.visit;

import java.util.List;
import java.util.Optional;

/** Every visit model a scenario can name under {@code world.visits.type}. */
public final class VisitModels {
    private static final List<VisitModelType<?>> TYPES = List.of(
            new VisitModelType<>("self-exciting", "b_u·season(t)·exp(Σ α·s_k·exp(−(t−t_k)/τ_v)): satisfaction moves the rate up or down.",
                    SelfExcitingParameters.class, SelfExcitingParameters.DEFAULTS, SelfExcitingVisits::new),
            new VisitModelType<>("additive", "Accordion's λ_time·season(t) + w·b_u + Σ exp(a)·exp(−exp(b)(t−t_k)) over recent plays.",
                    AdditiveParameters.class, AdditiveParameters.DEFAULTS, AdditiveVisits::new));

    private VisitModels() { }

    public static List<VisitModelType<?>> all() {
        return TYPES;
    }

    public static Optional<VisitModelType<?>> find(String name) {
        return TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
