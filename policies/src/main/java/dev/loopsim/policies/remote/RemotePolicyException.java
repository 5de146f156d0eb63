package dev.loopsim.policies.remote;

/** A policy service failed: it could not be started, timed out, crashed, or replied what the protocol does not allow. */
public final class RemotePolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RemotePolicyException(String message) {
        super(message);
    }
}
