package dev.loopsim.core.policy;

/**
 * A delayed outcome observed at {@code day}, such as the completion of a series that was
 * played {@code day - playDay} days earlier.
 */
public record RewardFeedback(double day, int memberId, int titleId, double playDay, double value) { }
