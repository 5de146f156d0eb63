package dev.loopsim.users.fit;

/**
 * What a member's visits say, as a function of their base rate r: at each return j the
 * intensity is m_j·r + a_j, and over their observed time ∫λ = r·I + C. So
 * log L(r) = Σ_j log(m_j·r + a_j) − r·I − C. The self-exciting form has a_j = 0 (r scales
 * everything); Accordion's additive form has m_j = 1 (r adds a constant rate).
 *
 * @param count     returns (visits after the first)
 * @param logSumM   Σ_j log m_j, when every a_j is 0
 * @param m         per return m_j, or null when every a_j is 0
 * @param a         per return a_j, or null when every a_j is 0
 * <p>Where members may leave unseen (a hazard of churn), the gap after the last visit is not one
 * exponential in r but a {@link GapSurvival}: they stayed to the end of the log without visiting,
 * or left at some point of the gap before visiting (see {@code HazardChurnForm}). I and C then
 * leave that gap out, and the tail carries it.
 *
 * @param rateIntegral   I
 * @param fixedIntegral  C
 * @param tail           the last gap's survival, or null without churn
 */
record MemberLikelihood(int count, double logSumM, double[] m, double[] a, double rateIntegral, double fixedIntegral,
                        GapSurvival tail) {

    MemberLikelihood(int count, double logSumM, double[] m, double[] a, double rateIntegral, double fixedIntegral) {
        this(count, logSumM, m, a, rateIntegral, fixedIntegral, null);
    }

    static MemberLikelihood multiplicative(int count, double logSumM, double rateIntegral) {
        return new MemberLikelihood(count, logSumM, null, null, rateIntegral, 0);
    }

    /** This likelihood with its last gap carried by a tail; the integrals given leave that gap out. */
    MemberLikelihood withTail(double rateIntegralBefore, double fixedIntegralBefore, GapSurvival survival) {
        return new MemberLikelihood(count, logSumM, m, a, rateIntegralBefore, fixedIntegralBefore, survival);
    }

    /** log L at r = e^y, without the prior. */
    double at(double y) {
        double r = Math.exp(y);
        double sum = -r * rateIntegral - fixedIntegral + (tail == null ? 0 : tail.log(r));
        if (a == null) {
            return sum + count * y + logSumM;
        }
        for (int j = 0; j < count; j++) {
            sum += Math.log(m[j] * r + a[j]);
        }
        return sum;
    }

    /** d/dy and d²/dy² of {@link #at}. */
    double[] derivatives(double y) {
        double r = Math.exp(y);
        double first = -r * rateIntegral;
        double second = -r * rateIntegral;
        if (tail != null) {
            double[] d = tail.derivatives(r);
            first += d[0];
            second += d[1];
        }
        if (a == null) {
            return new double[]{count + first, second};
        }
        for (int j = 0; j < count; j++) {
            double mr = m[j] * r;
            double share = mr / (mr + a[j]);
            first += share;
            second += share * (1 - share);
        }
        return new double[]{first, second};
    }

    /**
     * What the member's first {@code returns} returns say, with their time up to the last of them:
     * the evidence a prediction of the next gap may use.
     *
     * @param rateIntegral  I over those gaps
     * @param fixedIntegral C over those gaps
     */
    MemberLikelihood firstReturns(int returns, double rateIntegral, double fixedIntegral) {
        if (a == null) {
            return new MemberLikelihood(returns, 0, null, null, rateIntegral, fixedIntegral); // Π m_j does not depend on r
        }
        return new MemberLikelihood(returns, 0, java.util.Arrays.copyOf(m, returns), java.util.Arrays.copyOf(a, returns),
                rateIntegral, fixedIntegral);
    }
}
