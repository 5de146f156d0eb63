package dev.loopsim.users.fit;

/**
 * A reported parameter: its YAML name, the estimate, and its standard error (NaN when the
 * parameter was held fixed or the information matrix was not invertible).
 */
public record Estimate(String name, double value, double standardError, String unit) {
    public boolean fixed() {
        return Double.isNaN(standardError);
    }
}
