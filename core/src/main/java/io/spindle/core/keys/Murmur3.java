package io.spindle.core.keys;

/** MurmurHash3 x86 32-bit, seed 0: stable, fast, and well spread for key groups. */
final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() { }

    static int hash32(byte[] data) {
        return hash32(data, 0, data.length);
    }

    static int hash32(byte[] data, int start, int length) {
        int h = 0;
        int blocks = length / 4;
        for (int i = 0; i < blocks; i++) {
            int offset = start + i * 4;
            int k = (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8
                    | (data[offset + 2] & 0xff) << 16 | (data[offset + 3] & 0xff) << 24;
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        int tail = start + blocks * 4;
        int k = 0;
        switch (length & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
            // fall through
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
            // fall through
            case 1:
                k ^= data[tail] & 0xff;
                h ^= mixK(k);
            // fall through
            default:
                break;
        }
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixK(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }
}
