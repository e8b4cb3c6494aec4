package io.spindle.api.connectors.files;

import io.spindle.api.JobDefinitionException;

import java.time.Duration;

/**
 * When the file sink ends a part and starts the next. It always does at every checkpoint (the part then becomes
 * pending and is published when the checkpoint completes); between checkpoints, optionally, once a part holds a
 * given number of bytes, is a given age, or had no record for a given time. Parts ended between checkpoints are
 * published with the next checkpoint too.
 */
public final class RollingPolicy {

    private static final long NONE = Long.MAX_VALUE;

    private final long partBytes;
    private final long maxAgeMillis;
    private final long inactivityMillis;

    private RollingPolicy(long partBytes, long maxAgeMillis, long inactivityMillis) {
        this.partBytes = partBytes;
        this.maxAgeMillis = maxAgeMillis;
        this.inactivityMillis = inactivityMillis;
    }

    /** A part per checkpoint interval (per bucket and subtask). */
    public static RollingPolicy onCheckpoint() {
        return new RollingPolicy(NONE, NONE, NONE);
    }

    /** Also ends a part once it holds at least this many bytes (for buffering formats: has flushed them). */
    public RollingPolicy withPartSize(long bytes) {
        if (bytes <= 0) {
            throw new JobDefinitionException("part size must be positive, got " + bytes);
        }
        return new RollingPolicy(bytes, maxAgeMillis, inactivityMillis);
    }

    /** Also ends a part this long after it was started. */
    public RollingPolicy withMaxPartAge(Duration age) {
        return new RollingPolicy(partBytes, positiveMillis("part age", age), inactivityMillis);
    }

    /** Also ends a part that had no record for this long. */
    public RollingPolicy withInactivity(Duration inactivity) {
        return new RollingPolicy(partBytes, maxAgeMillis, positiveMillis("inactivity", inactivity));
    }

    private static long positiveMillis(String what, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new JobDefinitionException(what + " must be positive, got " + duration);
        }
        return duration.toMillis();
    }

    /** Whether roll decisions need the clock; without, the writer does not read it per record. */
    boolean usesTime() {
        return maxAgeMillis != NONE || inactivityMillis != NONE;
    }

    boolean shouldRoll(long bytes, long startedAt, long lastWriteAt, long now) {
        return bytes >= partBytes || now - startedAt >= maxAgeMillis || now - lastWriteAt >= inactivityMillis;
    }

    /** When a part with these times is next due to roll by time; Long.MAX_VALUE for never. */
    long rollTime(long startedAt, long lastWriteAt) {
        return Math.min(plus(startedAt, maxAgeMillis), plus(lastWriteAt, inactivityMillis));
    }

    private static long plus(long time, long millis) {
        return millis == NONE ? Long.MAX_VALUE : time + millis;
    }
}
