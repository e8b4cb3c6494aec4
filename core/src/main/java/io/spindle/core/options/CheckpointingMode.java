package io.spindle.core.options;

/** Whether checkpoint barriers are aligned (exactly-once state) or not (at-least-once). */
public enum CheckpointingMode { EXACTLY_ONCE, AT_LEAST_ONCE }
