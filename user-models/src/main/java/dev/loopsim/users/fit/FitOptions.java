package dev.loopsim.users.fit;

import dev.loopsim.core.Validate;
import java.util.List;
import java.util.Objects;

/**
 * What to fit.
 *
 * @param form        which intensity: the self-exciting form of DESIGN §4, or Accordion's additive form
 * @param window      W, the recent visits (plays, in the additive form) whose excitation counts
 *                    (not fitted: it is a memory size)
 * @param excitation  fit the excitation (α and τ, or J and δ); if false, visits do not excite later ones
 * @param daily       fit the daily harmonic; if false, no daily seasonality
 * @param weekly      fit the weekly harmonic; if false, no weekly seasonality
 * @param churn       fit a hazard of leaving unseen (the simulator's {@code hazard} churn rule); if
 *                    false, members stay to the end of the log
 * @param genres      the log's genres that get their own excitation α_g (self-exciting form only);
 *                    visits of other genres, or of none, share α
 */
public record FitOptions(Form form, int window, boolean excitation, boolean daily, boolean weekly, boolean churn,
                         List<String> genres) {
    public static final FitOptions FULL = new FitOptions(Form.SELF_EXCITING, 10, true, true, true, false);
    /** The homogeneous per-member Poisson baseline: base rates only, with the same population prior. */
    public static final FitOptions POISSON = new FitOptions(Form.SELF_EXCITING, 10, false, false, false, false);

    /** The intensity forms {@code loopsim fit} knows, by their scenario type names. */
    public enum Form {
        SELF_EXCITING(SelfExcitingForm.INSTANCE), ADDITIVE(AdditiveForm.INSTANCE);

        @SuppressWarnings("ImmutableEnumChecker") // the forms are stateless singletons
        private final VisitForm form;

        Form(VisitForm form) {
            this.form = form;
        }

        VisitForm form() {
            return form;
        }

        /** The scenario's {@code world.visits.type}. */
        public String type() {
            return form.type();
        }
    }

    public FitOptions {
        Objects.requireNonNull(form, "form");
        Validate.atLeast("window", window, 1);
        genres = List.copyOf(genres);
        if (!genres.isEmpty() && form != Form.SELF_EXCITING) {
            throw new IllegalArgumentException("excitation by genre needs the self-exciting form, found " + form.type());
        }
    }

    public FitOptions(Form form, int window, boolean excitation, boolean daily, boolean weekly, boolean churn) {
        this(form, window, excitation, daily, weekly, churn, List.of());
    }

    public FitOptions(Form form, int window, boolean excitation, boolean daily, boolean weekly) {
        this(form, window, excitation, daily, weekly, false);
    }

    public FitOptions withWindow(int w) {
        return new FitOptions(form, w, excitation, daily, weekly, churn, genres);
    }

    public FitOptions withForm(Form f) {
        return new FitOptions(f, window, excitation, daily, weekly, churn, genres);
    }

    public FitOptions withChurn(boolean c) {
        return new FitOptions(form, window, excitation, daily, weekly, c, genres);
    }

    public FitOptions withGenres(List<String> g) {
        return new FitOptions(form, window, excitation, daily, weekly, churn, g);
    }

    /** The form fitted: the intensity (with its genres' excitations), with the hazard of churn when asked for. */
    VisitForm visitForm() {
        VisitForm visits = genres.isEmpty() ? form.form() : new SelfExcitingForm(genres);
        return churn ? new HazardChurnForm(visits) : visits;
    }
}
