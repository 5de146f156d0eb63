package dev.loopsim.policies;

/**
 * What a registered policy can do, declared where it is registered, so that no caller decides
 * behaviour by asking which class a policy is.
 *
 * @param learns             it updates from feedback or retrains on the run's logs
 * @param statesPropensities it can state the probability of each choice it makes (so off-policy
 *                           evaluation can use its logs or weigh it as a target)
 * @param takesGuardrail     it learns a second, guardrail outcome (quality plays) beside its reward
 */
public record Capabilities(boolean learns, boolean statesPropensities, boolean takesGuardrail) {
    /** A fixed rule that states its odds: random, newest, oracle, default artwork. */
    public static final Capabilities FIXED = new Capabilities(false, true, false);
    /** A deterministic learner: it ranks by its scores, so each choice has probability 1. */
    public static final Capabilities LEARNS = new Capabilities(true, true, false);
}
