package dev.loopsim.policies.bandit;

/**
 * An arm chosen and the probability the policy had of choosing it, in (0, 1].
 *
 * @param arm        the arm, 0-based
 * @param propensity Pr(arm | what the policy knew); 1 for a deterministic choice
 */
public record ArmChoice(int arm, double propensity) {
    public ArmChoice {
        if (!(propensity > 0 && propensity <= 1)) {
            throw new IllegalArgumentException("propensity must be in (0, 1], found " + propensity);
        }
    }
}
