package dev.loopsim.users.fit;

/**
 * The chance that a member seen at the start of a gap is not seen again before its end, when they
 * may leave unseen, as a function of their base rate r:
 * T(r) = Σ_q w_q·e^{−r·I_q} + G(r)·Σ_p v_p·e^{−r·J_p}, with G(r) = Σ_{k<K} F(r)^k and
 * F(r) = e^{−c − r·I_week}. The first sum holds staying to the end unseen, leaving during the
 * session, and the nodes of the gap's head and last part week; the second, the nodes of one week
 * that K later weeks repeat, each a factor F further on (see {@link GapNodes}).
 *
 * @param logW      log w_q
 * @param rate      I_q
 * @param logV      log v_p (empty without a weekly part)
 * @param weekRate  J_p
 * @param weeks     K
 * @param weekLog   c
 * @param weekI     I_week
 */
record GapSurvival(double[] logW, double[] rate, double[] logV, double[] weekRate, int weeks, double weekLog, double weekI) {
    /** log of the largest ratio of two nodes' quadrature weights: 24 between cell widths, under 4 within a cell. */
    private static final double LOG_WEIGHT_SPREAD = Math.log(24 * 4);

    /** log T(r). */
    double log(double r) {
        double[] s = sums(r, false);
        return s[3] + Math.log(s[0]);
    }

    /** The share of term 0 in T(r): with churn, the chance the member is still there at the gap's end. */
    double firstShare(double r) {
        return Math.exp(logW[0] - r * rate[0] - log(r));
    }

    /** d/dy and d²/dy² of log T at r = e^y. */
    double[] derivatives(double r) {
        double[] s = sums(r, true);
        double first = s[1] / s[0];
        double second = s[2] / s[0];
        return new double[]{r * first, r * first + r * r * (second - first * first)};
    }

    /**
     * T, T' and T'' (d/dr), each times e^{−shift}, and the shift: in one pass, rescaled whenever a
     * larger term comes, so that none overflows (the derivatives only if asked).
     */
    private double[] sums(double r, boolean derivatives) {
        double[] a = new double[4];
        a[3] = Double.NEGATIVE_INFINITY;
        add(a, logW, rate, r, derivatives, 2);
        if (weeks == 0 || weekRate.length == 0) {
            return a;
        }
        double[] b = new double[4];
        b[3] = Double.NEGATIVE_INFINITY;
        add(b, logV, weekRate, r, derivatives, 0);
        if (b[3] == Double.NEGATIVE_INFINITY) {
            return a;
        }
        // G = Σ F^k, G' = −I_week·Σ k F^k, G'' = I_week²·Σ k² F^k, summed until the terms stop counting.
        double f = Math.exp(-weekLog - r * weekI);
        double g0 = 0;
        double g1 = 0;
        double g2 = 0;
        double power = 1;
        for (int k = 0; k < weeks; k++) {
            g0 += power;
            g1 += k * power;
            g2 += (double) k * k * power;
            power *= f;
            if (power < 1e-18 * g0 && (!derivatives || (double) k * k * power < 1e-18 * g2)) {
                break;
            }
        }
        double gd = -weekI * g1;
        double gdd = weekI * weekI * g2;
        // Both parts on a's scale (a holds term 0, so its shift is finite).
        double scale = Math.exp(b[3] - a[3]);
        if (scale > 1e300) { // b's terms dominate beyond a's range: move a onto b's scale instead
            double down = Math.exp(a[3] - b[3]);
            return new double[]{a[0] * down + g0 * b[0], a[1] * down + gd * b[0] + g0 * b[1],
                    a[2] * down + gdd * b[0] + 2 * gd * b[1] + g0 * b[2], b[3]};
        }
        return new double[]{a[0] + scale * g0 * b[0], a[1] + scale * (gd * b[0] + g0 * b[1]),
                a[2] + scale * (gdd * b[0] + 2 * gd * b[1] + g0 * b[2]), a[3]};
    }

    /**
     * Adds Σ e^{logW − r·I} and its two r-derivatives into {sum, d, d², shift}, rescaling as the
     * shift grows. From {@code forward} on the terms are nodes in time order: I, C and the time
     * only grow along them, so once a term is below e^{−40} of the largest by more than the spread
     * of quadrature weights (cells of 1/24 to 1 day, Gauss–Legendre weights within a factor of 4),
     * so is every later one, and the sum stops.
     */
    private static void add(double[] into, double[] logWeight, double[] integral, double r, boolean derivatives,
                            int forward) {
        double shift = into[3];
        double s0 = into[0];
        double s1 = into[1];
        double s2 = into[2];
        for (int q = 0; q < integral.length; q++) {
            double exponent = logWeight[q] - r * integral[q];
            if (q >= forward && exponent + LOG_WEIGHT_SPREAD < shift - 40) {
                break;
            }
            if (exponent == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (exponent > shift) {
                double down = shift == Double.NEGATIVE_INFINITY ? 0 : Math.exp(shift - exponent);
                s0 *= down;
                s1 *= down;
                s2 *= down;
                shift = exponent;
            }
            double e = Math.exp(exponent - shift);
            s0 += e;
            if (derivatives) {
                s1 -= integral[q] * e;
                s2 += integral[q] * integral[q] * e;
            }
        }
        into[0] = s0;
        into[1] = s1;
        into[2] = s2;
        into[3] = shift;
    }
}
