package dev.loopsim.core.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Derives independent random streams from a scenario seed and a replicate number.
 *
 * <p>Each stream is keyed by (seed, replicate, purpose, entity id) and seeded through the
 * SplitMix64 finaliser, so a member's browsing draws are the same whatever else the run
 * does: in which thread it runs, how many other members exist, which policy a cell uses.
 * That last property gives counterfactual cells common random numbers.
 */
public final class RandomStreams {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final int replicate;
    private final long root;

    private RandomStreams(long seed, int replicate) {
        this.seed = seed;
        this.replicate = replicate;
        this.root = mix(mix(seed) + GOLDEN_GAMMA * (replicate + 1L));
    }

    /** Streams for one replicate of a scenario run with the given seed. */
    public static RandomStreams of(long seed, int replicate) {
        if (replicate < 0) {
            throw new IllegalArgumentException("replicate must be >= 0, found " + replicate);
        }
        return new RandomStreams(seed, replicate);
    }

    public long seed() {
        return seed;
    }

    public int replicate() {
        return replicate;
    }

    /** A stream for one member and one purpose, e.g. {@code forMember(42, "browse")}. */
    public UniformRandomProvider forMember(long memberId, String purpose) {
        return provider(seedFor("member:" + purpose, memberId));
    }

    /** A stream for a policy of a cell, e.g. {@code forPolicy("treatment", "explore")}. */
    public UniformRandomProvider forPolicy(String cell, String purpose) {
        return provider(seedFor("policy:" + cell + ":" + purpose, 0));
    }

    /** A stream for world generation, e.g. {@code forWorld("catalog")}. */
    public UniformRandomProvider forWorld(String purpose) {
        return provider(seedFor("world:" + purpose, 0));
    }

    /** A 64-bit seed for (purpose, id): for components that take a plain seed, such as MASON's. */
    public long seedFor(String purpose, long id) {
        return mix(root ^ mix(fnv1a(purpose) + GOLDEN_GAMMA * id));
    }

    private static UniformRandomProvider provider(long seed) {
        long s0 = mix(seed);
        long s1 = mix(seed + GOLDEN_GAMMA);
        if (s0 == 0 && s1 == 0) {
            s1 = GOLDEN_GAMMA; // xoroshiro's one forbidden state
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijective avalanche of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
