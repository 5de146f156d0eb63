package dev.loopsim.core.policy;

/**
 * A delayed outcome observed at {@code day}, such as the completion of a series that was
 * played {@code day - playDay} days earlier after being shown with {@code artwork}.
 */
public record RewardFeedback(double day, int memberId, int titleId, int artwork, double playDay, double value) { }
