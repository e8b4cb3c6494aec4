package io.spindle.api.functions;

/** The event timestamps of the two records a {@link ProcessJoinFunction} joins. */
public interface JoinContext {

    long leftTimestamp();

    long rightTimestamp();
}
