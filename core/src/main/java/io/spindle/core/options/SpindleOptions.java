package io.spindle.core.options;

import io.spindle.core.config.ConfigException;
import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.Diagnostic;
import io.spindle.core.config.OptionRegistry;
import io.spindle.core.restart.RestartOptions;
import io.spindle.core.restart.RestartPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;

/** Every key Spindle reads, for loading, {@code spindle config} and "did you mean" suggestions. */
public final class SpindleOptions {

    private SpindleOptions() { }

    /** Keys of a reused Flink configuration that Spindle has no use for: warned about as ignored, not as typos. */
    private static final Set<String> IGNORED_FLINK_KEYS = Set.of(
            "jobmanager.rpc.address", "jobmanager.rpc.port", "jobmanager.bind-host", "taskmanager.bind-host",
            "taskmanager.host", "rest.address", "rest.bind-address", "rest.port",
            "jobmanager.execution.failover-strategy", "env.java.opts", "env.java.opts.all",
            "state.backend", "state.backend.type", "execution.checkpointing.storage", "state.checkpoint-storage",
            "high-availability", "high-availability.type", "high-availability.storageDir");

    public static final OptionRegistry REGISTRY = new OptionRegistry(all(), IGNORED_FLINK_KEYS, List.of(
            // Builds the restart policy once, so its cross-key rules (initial <= max, ...) are checked up front.
            config -> RestartPolicy.fromConfig(config, config.contains(CheckpointingOptions.INTERVAL),
                    new SplittableRandom(0)),
            SpindleOptions::checkpointsNeedADirectory));

    private static void checkpointsNeedADirectory(Configuration config) {
        config.find(CheckpointingOptions.INTERVAL).ifPresent(interval -> {
            if (!config.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
                throw new ConfigException(Diagnostic.error(interval.source().where(), interval.writtenKey(),
                        "checkpoints need a directory: set " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()
                                + " (hdfs://..., file://...)"));
            }
        });
    }

    private static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> options = new ArrayList<>(List.of(
                PipelineOptions.PARALLELISM, PipelineOptions.MAX_PARALLELISM, PipelineOptions.BUFFER_TIMEOUT,
                ClusterOptions.TASK_SLOTS, ClusterOptions.WORKER_MEMORY, ClusterOptions.MASTER_MEMORY,
                ClusterOptions.HEARTBEAT_INTERVAL, ClusterOptions.HEARTBEAT_TIMEOUT,
                YarnOptions.WORKER_VCORES, YarnOptions.MASTER_VCORES, YarnOptions.APPLICATION_NAME, YarnOptions.QUEUE,
                YarnOptions.TAGS, YarnOptions.APPLICATION_ATTEMPTS, YarnOptions.ATTEMPT_FAILURES_VALIDITY_INTERVAL,
                YarnOptions.STAGING_DIRECTORY,
                CheckpointingOptions.INTERVAL, CheckpointingOptions.MODE, CheckpointingOptions.TIMEOUT,
                CheckpointingOptions.MIN_PAUSE, CheckpointingOptions.MAX_CONCURRENT,
                CheckpointingOptions.TOLERABLE_FAILURES, CheckpointingOptions.EXTERNALIZED_RETENTION,
                CheckpointingOptions.CHECKPOINTS_DIRECTORY, CheckpointingOptions.SAVEPOINTS_DIRECTORY,
                CheckpointingOptions.NUM_RETAINED, CheckpointingOptions.INCREMENTAL,
                CheckpointingOptions.LOCAL_RECOVERY, CheckpointingOptions.RESTORE_PATH,
                CheckpointingOptions.ALLOW_NON_RESTORED_STATE,
                StateBackendOptions.ROCKSDB_LOCAL_DIR, StateBackendOptions.ROCKSDB_MANAGED_MEMORY));
        options.addAll(RestartOptions.ALL);
        return List.copyOf(options);
    }
}
