package io.spindle.state.checkpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a savepoint holds keyed state. */
public enum SavepointFormat {
    /**
     * Spindle's own format, independent of RocksDB's files: every key's entries per state, key group by key
     * group. Slower to take, but it can be re-sharded offline and outlives changes to the backend.
     */
    CANONICAL,
    /** The RocksDB files of the snapshot, as a full (not incremental) checkpoint would upload them: fast. */
    NATIVE;

    /** "canonical" or "native", in any case. */
    public static SavepointFormat parse(String text) {
        for (SavepointFormat format : values()) {
            if (format.name().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown savepoint format '" + text + "': expected one of "
                + Arrays.stream(values()).map(SavepointFormat::toString).collect(Collectors.joining(", ")));
    }

    /** The name users type. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
