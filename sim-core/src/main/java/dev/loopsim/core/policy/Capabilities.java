package dev.loopsim.core.policy;

/**
 * What a registered policy can do, declared where it is registered, so that no caller decides
 * behaviour by asking which class a policy is.
 *
 * @param learns             it updates from feedback or retrains on the run's logs
 * @param statesPropensities it can state the probability of each choice it makes (so off-policy
 *                           evaluation can use its logs or weigh it as a target)
 * @param takesGuardrail     it learns a second, guardrail outcome (quality plays) beside its reward
 * @param seesTruth          it is given the world's true utility (the oracle, the reference for
 *                           regret); no other policy is
 */
public record Capabilities(boolean learns, boolean statesPropensities, boolean takesGuardrail, boolean seesTruth) {
    /** A fixed rule that states its odds: random, newest, default artwork. */
    public static final Capabilities FIXED = new Capabilities(false, true, false);
    /** A deterministic learner: it ranks by its scores, so each choice has probability 1. */
    public static final Capabilities LEARNS = new Capabilities(true, true, false);
    /** The oracle: a fixed rule over the true utility. */
    public static final Capabilities ORACLE = new Capabilities(false, true, false, true);

    /** A policy that decides from what it observes, as every real one does. */
    public Capabilities(boolean learns, boolean statesPropensities, boolean takesGuardrail) {
        this(learns, statesPropensities, takesGuardrail, false);
    }
}
