package dev.loopsim.users.fit;

/**
 * season(t) written as a sum of cosines and sines, 1 + Σ_f (C_f·cos ω_f t + S_f·sin ω_f t), over
 * the four frequencies the product of a daily and a weekly harmonic holds: daily, weekly, and
 * their sum and difference. This form is what makes ∫ season(t)·e^{−βt} dt closed-form.
 */
final class Season {
    static final double[] OMEGA = {2 * Math.PI, 2 * Math.PI / 7, 2 * Math.PI + 2 * Math.PI / 7, 2 * Math.PI - 2 * Math.PI / 7};
    final double[] cos = new double[4];
    final double[] sin = new double[4];
    final double maximum;
    /** No daily or weekly harmonic: season(t) = 1, and every integral is the exponential's alone. */
    final boolean flat;

    Season(FitParameters p) {
        this(p.dailyCos(), p.dailySin(), p.weeklyCos(), p.weeklySin());
    }

    /** From the daily and weekly harmonics' cosine and sine coefficients. */
    Season(double cd, double sd, double cw, double sw) {
        cos[0] = cd;
        sin[0] = sd;
        cos[1] = cw;
        sin[1] = sw;
        cos[2] = 0.5 * (cd * cw - sd * sw);
        sin[2] = 0.5 * (cd * sw + sd * cw);
        cos[3] = 0.5 * (cd * cw + sd * sw);
        sin[3] = 0.5 * (sd * cw - cd * sw);
        maximum = (1 + Math.hypot(cd, sd)) * (1 + Math.hypot(cw, sw));
        flat = cd == 0 && sd == 0 && cw == 0 && sw == 0;
    }

    /** season(t) from the trigonometric values of ω_f·t laid out as {@link #trig}. */
    double at(double[] trig, int offset) {
        double sum = 1;
        for (int f = 0; f < 4; f++) {
            sum += cos[f] * trig[offset + 2 * f] + sin[f] * trig[offset + 2 * f + 1];
        }
        return sum;
    }

    /**
     * ∫_{t0}^{t0+Δ} season(t)·e^{−β(t−t0)} dt, exactly: each harmonic gives
     * Re/Im of e^{iωt0}·(e^{(iω−β)Δ} − 1)/(iω − β).
     *
     * @param start    cos/sin of ω_f·t0 (8 values from {@code offset})
     * @param span     cos/sin of ω_f·Δ (8 values from {@code spanOffset})
     * @param decayed  e^{−βΔ}
     */
    double integral(double[] start, int offset, double[] span, int spanOffset, double delta, double beta, double decayed) {
        return integral(phased(start, offset), span, spanOffset, delta, beta, decayed);
    }

    /**
     * The start's phases folded into the coefficients, for many integrals from one t0:
     * P_f = C_f·cos ω_f t0 + S_f·sin ω_f t0 and Q_f = S_f·cos ω_f t0 − C_f·sin ω_f t0, 8 values.
     */
    double[] phased(double[] start, int offset) {
        double[] pq = new double[8];
        for (int f = 0; f < 4; f++) {
            double c = start[offset + 2 * f];
            double s = start[offset + 2 * f + 1];
            pq[2 * f] = cos[f] * c + sin[f] * s;
            pq[2 * f + 1] = sin[f] * c - cos[f] * s;
        }
        return pq;
    }

    /** The integral from {@link #phased} coefficients, which many integrals from one t0 share. */
    double integral(double[] phased, double[] span, int spanOffset, double delta, double beta, double decayed) {
        double sum = beta == 0 ? delta : (1 - decayed) / beta;
        if (flat) {
            return sum;
        }
        for (int f = 0; f < 4; f++) {
            double omega = OMEGA[f];
            double a = span[spanOffset + 2 * f] * decayed - 1;
            double b = span[spanOffset + 2 * f + 1] * decayed;
            double p = phased[2 * f];
            double q = phased[2 * f + 1];
            sum += (-a * (beta * p + omega * q) + b * (omega * p - beta * q)) / (beta * beta + omega * omega);
        }
        return sum;
    }

    /**
     * Adds one gap's weights of C_f and S_f in ∫_{t0}^{t0+Δ} season(t) dt (β = 0): with a = cos ω_fΔ − 1
     * and b = sin ω_fΔ, the integral's harmonic f is C_f·(a·s + b·c)/ω_f + S_f·(b·s − a·c)/ω_f,
     * c and s the cos and sin of ω_f·t0.
     */
    static void addIntegralWeights(double[] start, double[] span, int offset, double[] into) {
        for (int f = 0; f < 4; f++) {
            double c = start[offset + 2 * f];
            double s = start[offset + 2 * f + 1];
            double a = span[offset + 2 * f] - 1;
            double b = span[offset + 2 * f + 1];
            into[2 * f] += (a * s + b * c) / OMEGA[f];
            into[2 * f + 1] += (b * s - a * c) / OMEGA[f];
        }
    }

    /** constant + Σ_f C_f·w[2f] + S_f·w[2f+1]: an integral of season(t) from {@link #addIntegralWeights}. */
    double linear(double constant, double[] weights) {
        double sum = constant;
        if (flat) {
            return sum;
        }
        for (int f = 0; f < 4; f++) {
            sum += cos[f] * weights[2 * f] + sin[f] * weights[2 * f + 1];
        }
        return sum;
    }

    /** season(t) at any t (allocates: for simulation, not for the likelihood's inner loops). */
    double atDay(double t) {
        double[] trig = new double[8];
        trig(t, trig, 0);
        return at(trig, 0);
    }

    /** cos/sin of ω_f·t for the four frequencies, 8 values. */
    static void trig(double t, double[] into, int offset) {
        for (int f = 0; f < 4; f++) {
            double x = OMEGA[f] * t;
            into[offset + 2 * f] = Math.cos(x);
            into[offset + 2 * f + 1] = Math.sin(x);
        }
    }
}
