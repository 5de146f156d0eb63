package dev.loopsim.policies.features;

import dev.loopsim.core.world.MemberHistory;

/** A member's recent plays, latest first: what a policy observes of them. */
public interface PlayHistory {

    int count();

    int title(int k);

    /** The artwork the k-th latest play was shown with. */
    int artwork(int k);

    /** The history a member carries at decision time. */
    static PlayHistory of(MemberHistory member) {
        return new PlayHistory() {
            @Override
            public int count() {
                return member.recentPlayCount();
            }

            @Override
            public int title(int k) {
                return member.recentPlayTitle(k);
            }

            @Override
            public int artwork(int k) {
                return member.recentPlayArtwork(k);
            }
        };
    }
}
