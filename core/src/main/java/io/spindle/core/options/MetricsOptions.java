package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.ValueRule;

import java.time.Duration;
import java.util.List;

/** The job's metrics: whether tasks measure them, and where they are pushed besides the master's /metrics. */
public final class MetricsOptions {

    private MetricsOptions() { }

    public static final ConfigOption<Boolean> ENABLED = ConfigOption.key("metrics.enabled")
            .booleanType().defaultValue(true)
            .withDescription("Spindle's own key (Flink has none). Whether subtasks time their waits and read RocksDB, and workers send metrics with their "
                    + "heartbeats; off, /metrics has only the job's own series.");

    public static final ConfigOption<String> PUSHGATEWAY_URL = ConfigOption.key("metrics.reporter.promgateway.hostUrl")
            .stringType().noDefaultValue()
            .withRule(ValueRule.httpUrl())
            .withDescription("A Prometheus Pushgateway (http://host:9091) the master pushes the job's metrics to; "
                    + "unset, nothing is pushed.");

    public static final ConfigOption<Duration> PUSHGATEWAY_INTERVAL =
            ConfigOption.key("metrics.reporter.promgateway.interval")
                    .durationType().defaultValue(Duration.ofSeconds(10))
                    .withRule(ValueRule.atLeast(Duration.ofMillis(100)))
                    .withDescription("How often the metrics are pushed to the Pushgateway.");

    public static final ConfigOption<Boolean> PUSHGATEWAY_DELETE_ON_SHUTDOWN =
            ConfigOption.key("metrics.reporter.promgateway.deleteOnShutdown")
                    .booleanType().defaultValue(true)
                    .withDescription("Whether the job's group is deleted from the Pushgateway when the job ends.");

    public static final List<ConfigOption<?>> ALL = List.of(ENABLED, PUSHGATEWAY_URL, PUSHGATEWAY_INTERVAL,
            PUSHGATEWAY_DELETE_ON_SHUTDOWN);
}
