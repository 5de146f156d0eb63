package dev.loopsim.core.model;

/**
 * What a member did with a page.
 *
 * @param examined        which slots the member looked at
 * @param playedSlot      the slot played, or -1 when nothing was played
 * @param watchFraction   ω in [0, 1] for the play; 0 when nothing was played
 * @param satisfaction    the visit's satisfaction s (enjoyment, or the no-play penalty)
 * @param playProbability the exact probability of a play given {@code examined}: the
 *                        expected plays of this page, free of choice noise
 * @param completes       whether a series play will be completed later (a delayed reward)
 */
public record VisitResponse(boolean[] examined, int playedSlot, double watchFraction, double satisfaction,
                            double playProbability, boolean completes) {

    public VisitResponse {
        examined = examined.clone();
    }

    @Override
    public boolean[] examined() {
        return examined.clone();
    }

    public boolean played() {
        return playedSlot >= 0;
    }

    public int examinedCount() {
        int n = 0;
        for (boolean e : examined) {
            if (e) {
                n++;
            }
        }
        return n;
    }
}
