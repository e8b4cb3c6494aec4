package io.spindle.core.options;

import io.spindle.core.config.ConfigException;
import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.Diagnostic;
import io.spindle.core.config.ValueRule;
import io.spindle.core.keys.KeyGroups;

import java.time.Duration;
import java.util.List;

/** How a job's dataflow is laid out and moves records. */
public final class PipelineOptions {

    private PipelineOptions() { }

    public static final ConfigOption<Integer> PARALLELISM = ConfigOption.key("parallelism.default")
            .intType().defaultValue(1)
            .withRule(ValueRule.atLeast(1))
            .withDescription("Parallelism of operators that do not set their own; at most pipeline.max-parallelism.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOption.key("pipeline.max-parallelism")
            .intType().defaultValue(128)
            .withRule(ValueRule.between(1, KeyGroups.MAX_MAX_PARALLELISM))
            .withDescription("Number of key groups: the upper bound for rescaling keyed state. "
                    + "Fixed for the life of a job's state (savepoint-rescale changes it offline).");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOption.key("execution.buffer-timeout.interval")
            .durationType().defaultValue(Duration.ofMillis(100))
            .withFallbackKeys("execution.buffer-timeout")
            .withDescription("Longest time a partly filled network buffer waits before it is sent.");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = ConfigOption.key("pipeline.auto-watermark-interval")
            .durationType().defaultValue(Duration.ofMillis(200))
            .withDescription("How often sources with a watermark strategy emit periodic watermarks; 0 emits them only "
                    + "at the end of a bounded input.");

    public static final List<ConfigOption<?>> ALL = List.of(PARALLELISM, MAX_PARALLELISM, BUFFER_TIMEOUT,
            AUTO_WATERMARK_INTERVAL);

    /** A cross-key check: the default parallelism cannot exceed the number of key groups. */
    static void parallelismWithinMaxParallelism(Configuration config) {
        config.find(PARALLELISM).ifPresent(set -> {
            int parallelism = config.get(PARALLELISM);
            int maxParallelism = config.get(MAX_PARALLELISM);
            if (parallelism > maxParallelism) {
                throw new ConfigException(Diagnostic.error(set.source().where(), set.writtenKey(), parallelism
                        + " is more than " + MAX_PARALLELISM.key() + " " + maxParallelism));
            }
        });
    }
}
