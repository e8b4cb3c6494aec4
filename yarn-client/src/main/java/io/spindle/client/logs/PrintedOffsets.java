package io.spindle.client.logs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** How far each followed log file has been printed, and which bytes of a newly read tail are new. */
final class PrintedOffsets {

    private final Map<String, Long> printed = new HashMap<>();

    /** Everything up to {@code length} of the file has been printed. */
    void printedUpTo(String container, String file, long length) {
        printed.put(key(container, file), length);
    }

    /**
     * The {@code size} to ask a NodeManager for so that a file listed {@code length} long comes from its first
     * unprinted byte on: negative, a tail; 0 when nothing is new. A file shorter than what was printed has been
     * replaced and is read from its start.
     */
    long tailSize(String container, String file, long length) {
        long offset = offset(container, file, length);
        return offset - length;
    }

    /**
     * The bytes of {@code body}, a tail of the file as {@code frame} describes it, not printed yet, and marks them
     * printed; null if the tail starts after the first unprinted byte (the file grew since it was listed: ask again).
     */
    byte[] unprinted(LogFrame frame, byte[] body) {
        long offset = offset(frame.container(), frame.file(), frame.length());
        long start = frame.tailStart();
        if (start > offset) {
            return null;
        }
        printedUpTo(frame.container(), frame.file(), frame.length());
        return Arrays.copyOfRange(body, (int) Math.min(offset - start, body.length), body.length);
    }

    private long offset(String container, String file, long length) {
        long offset = printed.getOrDefault(key(container, file), 0L);
        return offset > length ? 0 : offset;
    }

    private static String key(String container, String file) {
        return container + "/" + file;
    }
}
