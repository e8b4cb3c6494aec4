package io.spindle.examples;

/** The hash the benchmark workloads derive their records from, so that any engine can generate the same ones. */
public final class Murmur3 {

    private Murmur3() { }

    /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the whole result. */
    public static long fmix64(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
