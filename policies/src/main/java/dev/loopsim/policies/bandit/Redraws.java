package dev.loopsim.policies.bandit;

import java.util.function.IntSupplier;

/**
 * The propensity of a posterior-sampling choice, which has no closed form: draw the posterior
 * again {@code draws} times and count how often the same arm wins, floored at 1/(draws + 1) so
 * it is never 0. With 0 draws the caller asked for no estimate and gets 1.
 */
final class Redraws {
    private Redraws() { }

    static ArmChoice choose(IntSupplier draw, int draws) {
        int arm = draw.getAsInt();
        if (draws == 0) {
            return new ArmChoice(arm, 1);
        }
        int same = 0;
        for (int i = 0; i < draws; i++) {
            same += draw.getAsInt() == arm ? 1 : 0;
        }
        return new ArmChoice(arm, Math.max(same, 1) / (double) (draws + 1));
    }
}
