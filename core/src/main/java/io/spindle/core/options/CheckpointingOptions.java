package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.ValueRule;

import java.time.Duration;
import java.util.List;

/** Checkpoints, savepoints and where they are stored. Current (Flink 2.x) names, older ones as fallbacks. */
public final class CheckpointingOptions {

    private CheckpointingOptions() { }

    public static final ConfigOption<Duration> INTERVAL = ConfigOption.key("execution.checkpointing.interval")
            .durationType().noDefaultValue()
            .withRule(ValueRule.atLeast(Duration.ofMillis(1)))
            .withDescription("Time between checkpoints; unset disables periodic checkpoints (savepoints still work).");

    public static final ConfigOption<CheckpointingMode> MODE = ConfigOption.key("execution.checkpointing.mode")
            .enumType(CheckpointingMode.class).defaultValue(CheckpointingMode.EXACTLY_ONCE)
            .withDescription("EXACTLY_ONCE aligns barriers; AT_LEAST_ONCE does not.");

    public static final ConfigOption<Duration> TIMEOUT = ConfigOption.key("execution.checkpointing.timeout")
            .durationType().defaultValue(Duration.ofMinutes(10))
            .withRule(ValueRule.atLeast(Duration.ofMillis(1)))
            .withDescription("A checkpoint not completed within this time is aborted.");

    public static final ConfigOption<Duration> MIN_PAUSE = ConfigOption.key("execution.checkpointing.min-pause")
            .durationType().defaultValue(Duration.ZERO)
            .withDescription("Least time between the end of one checkpoint and the start of the next.");

    public static final ConfigOption<Integer> MAX_CONCURRENT =
            ConfigOption.key("execution.checkpointing.max-concurrent-checkpoints")
                    .intType().defaultValue(1)
                    .withRule(ValueRule.atLeast(1))
                    .withDescription("Checkpoints that may be in progress at once.");

    public static final ConfigOption<Integer> TOLERABLE_FAILURES =
            ConfigOption.key("execution.checkpointing.tolerable-failed-checkpoints")
                    .intType().defaultValue(0)
                    .withRule(ValueRule.atLeast(0))
                    .withDescription("Consecutive failed checkpoints tolerated before the job fails over.");

    public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_RETENTION =
            ConfigOption.key("execution.checkpointing.externalized-checkpoint-retention")
                    .enumType(ExternalizedCheckpointRetention.class)
                    .defaultValue(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS)
                    .withDescription("Whether checkpoints are kept when the job is cancelled.");

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOption.key("execution.checkpointing.dir")
            .stringType().noDefaultValue()
            .withFallbackKeys("state.checkpoints.dir", "state.backend.fs.checkpointdir")
            .withRule(ValueRule.nonEmpty())
            .withDescription("Base directory of checkpoints on any Hadoop FileSystem (hdfs://, file://); unset: "
                    + ".spindle/checkpoints in the user's home on the cluster's default file system, or the system's "
                    + "temporary directory for a job in one JVM.");

    public static final ConfigOption<String> SAVEPOINTS_DIRECTORY =
            ConfigOption.key("execution.checkpointing.savepoint-dir")
                    .stringType().noDefaultValue()
                    .withFallbackKeys("state.savepoints.dir", "savepoints.state.backend.fs.dir")
                    .withRule(ValueRule.nonEmpty())
                    .withDescription("Default target directory of savepoints.");

    public static final ConfigOption<Integer> NUM_RETAINED = ConfigOption.key("execution.checkpointing.num-retained")
            .intType().defaultValue(1)
            .withFallbackKeys("state.checkpoints.num-retained")
            .withRule(ValueRule.atLeast(1))
            .withDescription("Completed checkpoints kept; older ones are deleted.");

    public static final ConfigOption<Boolean> INCREMENTAL = ConfigOption.key("execution.checkpointing.incremental")
            .booleanType().defaultValue(false)
            .withFallbackKeys("state.backend.incremental")
            .withDescription("Upload only RocksDB files not uploaded by an earlier checkpoint.");

    public static final ConfigOption<Boolean> LOCAL_RECOVERY = ConfigOption.key("execution.state-recovery.from-local")
            .booleanType().defaultValue(false)
            .withFallbackKeys("state.backend.local-recovery")
            .withDescription("Keep a local copy of state to restore from without downloading.");

    public static final ConfigOption<String> RESTORE_PATH = ConfigOption.key("execution.state-recovery.path")
            .stringType().noDefaultValue()
            .withFallbackKeys("execution.savepoint.path")
            .withRule(ValueRule.nonEmpty())
            .withDescription("Savepoint or checkpoint to start from (spindle run -s).");

    public static final ConfigOption<Boolean> ALLOW_NON_RESTORED_STATE =
            ConfigOption.key("execution.state-recovery.ignore-unclaimed-state")
                    .booleanType().defaultValue(false)
                    .withFallbackKeys("execution.savepoint.ignore-unclaimed-state")
                    .withDescription("Start even if the savepoint holds state of operators the job lacks (spindle run -n).");

    public static final List<ConfigOption<?>> ALL = List.of(INTERVAL, MODE, TIMEOUT, MIN_PAUSE, MAX_CONCURRENT,
            TOLERABLE_FAILURES, EXTERNALIZED_RETENTION, CHECKPOINTS_DIRECTORY, SAVEPOINTS_DIRECTORY, NUM_RETAINED,
            INCREMENTAL, LOCAL_RECOVERY, RESTORE_PATH, ALLOW_NON_RESTORED_STATE);
}
