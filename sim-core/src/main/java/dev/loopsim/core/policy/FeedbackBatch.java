package dev.loopsim.core.policy;

import java.util.List;

/**
 * The feedback gathered in (fromDay, toDay], in a deterministic order: by time, then member.
 */
public record FeedbackBatch(double fromDay, double toDay, List<VisitFeedback> visits, List<RewardFeedback> rewards) {

    public FeedbackBatch {
        visits = List.copyOf(visits);
        rewards = List.copyOf(rewards);
    }

    public boolean isEmpty() {
        return visits.isEmpty() && rewards.isEmpty();
    }
}
