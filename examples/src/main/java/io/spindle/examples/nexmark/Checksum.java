package io.spindle.examples.nexmark;

import java.util.HexFormat;

/**
 * The checksum of a result: the wrapping 64-bit sum over its rows of FNV-1a-64 of each row's UTF-8 bytes. A sum
 * does not depend on the order of the rows, so any parallelism and any interleaving give the same value, and equal
 * checksums mean (but for collisions) the same multiset of rows.
 */
public final class Checksum {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Checksum() { }

    /**
     * FNV-1a-64 of the UTF-8 encoding of {@code row}, encoded on the fly rather than into a byte array per row. An
     * unpaired surrogate counts as '?', as {@link String#getBytes} encodes it.
     */
    public static long fnv1a64(CharSequence row) {
        long h = OFFSET_BASIS;
        for (int i = 0, n = row.length(); i < n; i++) {
            char c = row.charAt(i);
            if (c < 0x80) {
                h = mix(h, c);
            } else if (c < 0x800) {
                h = mix(mix(h, 0xC0 | c >>> 6), 0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(row.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, row.charAt(++i));
                h = mix(mix(h, 0xF0 | codePoint >>> 18), 0x80 | codePoint >>> 12 & 0x3F);
                h = mix(mix(h, 0x80 | codePoint >>> 6 & 0x3F), 0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                h = mix(h, '?');
            } else {
                h = mix(mix(mix(h, 0xE0 | c >>> 12), 0x80 | c >>> 6 & 0x3F), 0x80 | c & 0x3F);
            }
        }
        return h;
    }

    /** 16 lowercase hex digits, as results are reported. */
    public static String hex(long checksum) {
        return HexFormat.of().toHexDigits(checksum);
    }

    private static long mix(long h, int utf8Byte) {
        return (h ^ utf8Byte) * PRIME;
    }
}
