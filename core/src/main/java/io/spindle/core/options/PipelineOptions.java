package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;

import java.time.Duration;

/** How a job's dataflow is laid out and moves records. */
public final class PipelineOptions {

    private PipelineOptions() { }

    public static final ConfigOption<Integer> PARALLELISM = ConfigOption.key("parallelism.default")
            .intType().defaultValue(1)
            .withDescription("Parallelism of operators that do not set their own.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOption.key("pipeline.max-parallelism")
            .intType().defaultValue(128)
            .withDescription("Number of key groups: the upper bound for rescaling keyed state. "
                    + "Fixed for the life of a job's state (savepoint-rescale changes it offline).");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOption.key("execution.buffer-timeout.interval")
            .durationType().defaultValue(Duration.ofMillis(100))
            .withFallbackKeys("execution.buffer-timeout")
            .withDescription("Longest time a partly filled network buffer waits before it is sent.");
}
