package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.Durations;
import io.spindle.core.config.ValueRule;
import io.spindle.core.config.ValueType;

import java.time.Duration;
import java.util.List;

/** How the application is submitted to YARN. */
public final class YarnOptions {

    private YarnOptions() { }

    /** The value of {@link #ATTEMPT_FAILURES_VALIDITY_INTERVAL} that counts every failure ever. */
    public static final Duration UNBOUNDED = Duration.ofMillis(-1);

    /** A duration, or -1 for "no window": Flink's reading of the attempt-failures interval. */
    private static final ValueType<Duration> DURATION_OR_UNBOUNDED = ValueType.of("duration or -1",
            text -> text.trim().equals("-1") ? UNBOUNDED : Durations.parse(text),
            value -> value.equals(UNBOUNDED) ? "-1" : Durations.format(value));

    public static final ConfigOption<Integer> WORKER_VCORES = ConfigOption.key("yarn.containers.vcores")
            .intType().defaultValue(-1)
            .withDescription("Virtual cores of a worker container; -1 means one per task slot.");

    public static final ConfigOption<Integer> MASTER_VCORES = ConfigOption.key("yarn.appmaster.vcores")
            .intType().defaultValue(1)
            .withRule(ValueRule.atLeast(1))
            .withDescription("Virtual cores of the ApplicationMaster container.");

    public static final ConfigOption<String> APPLICATION_NAME = ConfigOption.key("yarn.application.name")
            .stringType().noDefaultValue()
            .withDescription("YARN application name; the job class's simple name if unset.");

    public static final ConfigOption<String> QUEUE = ConfigOption.key("yarn.application.queue")
            .stringType().noDefaultValue()
            .withDescription("YARN queue; the cluster's default queue if unset.");

    public static final ConfigOption<String> TAGS = ConfigOption.key("yarn.tags")
            .stringType().defaultValue("")
            .withDescription("Comma-separated YARN application tags.");

    public static final ConfigOption<Integer> APPLICATION_ATTEMPTS = ConfigOption.key("yarn.application-attempts")
            .intType().defaultValue(2)
            .withRule(ValueRule.atLeast(1))
            .withDescription("ApplicationMaster attempts; capped by yarn.resourcemanager.am.max-attempts. Flink's "
                    + "default is 1 without high availability; Spindle's ApplicationMaster always recovers from the "
                    + "newest checkpoint, so a second attempt is useful by default.");

    public static final ConfigOption<Duration> ATTEMPT_FAILURES_VALIDITY_INTERVAL =
            ConfigOption.key("yarn.application-attempt-failures-validity-interval")
                    .type(DURATION_OR_UNBOUNDED).defaultValue(Duration.ofSeconds(10))
                    .withDescription("Only AM failures within this window count towards the attempts; -1 counts all.");

    public static final ConfigOption<String> STAGING_DIRECTORY = ConfigOption.key("yarn.staging-directory")
            .stringType().noDefaultValue()
            .withRule(ValueRule.nonEmpty())
            .withDescription("Where the client uploads jars and configuration; the user's home dir if unset.");

    public static final ConfigOption<String> ROLLED_LOGS_INCLUDE_PATTERN = ConfigOption.key("yarn.rolled-logs.include-pattern")
            .stringType().defaultValue("spindle\\.log\\.\\d+")
            .withRule(ValueRule.regularExpression())
            .withDescription("Java regular expression of the container log files that NodeManagers upload while the "
                    + "application runs (rolling log aggregation), every "
                    + "yarn.nodemanager.log-aggregation.roll-monitoring-interval-seconds of the cluster; an uploaded "
                    + "file is deleted from the node. The default matches the files the containers' spindle.log rolls "
                    + "over to, which are complete; empty uploads nothing before the application ends.");

    public static final List<ConfigOption<?>> ALL = List.of(WORKER_VCORES, MASTER_VCORES, APPLICATION_NAME, QUEUE, TAGS,
            APPLICATION_ATTEMPTS, ATTEMPT_FAILURES_VALIDITY_INTERVAL, STAGING_DIRECTORY, ROLLED_LOGS_INCLUDE_PATTERN);

    /** Virtual cores of a worker container: as configured, or one per task slot. */
    public static int workerVcores(Configuration configuration) {
        int configured = configuration.get(WORKER_VCORES);
        return configured > 0 ? configured : configuration.get(ClusterOptions.TASK_SLOTS);
    }
}
