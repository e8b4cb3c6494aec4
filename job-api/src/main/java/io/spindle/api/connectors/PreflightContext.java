package io.spindle.api.connectors;

import java.time.Duration;
import java.util.Optional;

/**
 * What a source or sink may look at before the job is submitted, to refuse settings that cannot work: the job's
 * checkpointing and restart settings, and the files the job would write.
 */
public interface PreflightContext {

    /** The time between checkpoints; empty if the job takes no periodic checkpoints. */
    Optional<Duration> checkpointInterval();

    /** The longest a restart of the job may wait, under its restart strategy. */
    Duration longestRestartDelay();

    FileAccess files();
}
