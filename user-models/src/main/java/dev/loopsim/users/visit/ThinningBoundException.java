package dev.loopsim.users.visit;

/**
 * The intensity exceeded the bound used to thin it. Sampling would be wrong, so this is an
 * error, never a silent clip.
 */
public final class ThinningBoundException extends IllegalStateException {
    public ThinningBoundException(int memberId, double day, double intensity, double bound) {
        super("visit intensity " + intensity + " of member " + memberId + " at day " + day
                + " exceeds its thinning bound " + bound);
    }
}
