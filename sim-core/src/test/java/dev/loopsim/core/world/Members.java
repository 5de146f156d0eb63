package dev.loopsim.core.world;

import dev.loopsim.core.random.RandomStreams;

/** Test fixtures: members with their own streams. */
public final class Members {
    private Members() { }

    public static MemberState member(int id, double baseRatePerDay, double[] taste, double[] latent, int history, long seed) {
        RandomStreams streams = RandomStreams.of(seed, 0);
        return new MemberState(new MemberProfile(id, taste, latent, baseRatePerDay, 0), history,
                new MemberState.MemberStreams(streams.forMember(id, "browse"), streams.forMember(id, "consume"),
                        streams.forMember(id, "visit"), streams.forMember(id, "policy"),
                        streams.forMember(id, "dynamics")));
    }
}
