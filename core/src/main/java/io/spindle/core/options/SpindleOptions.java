package io.spindle.core.options;

import io.spindle.core.config.OptionRegistry;
import io.spindle.core.restart.RestartOptions;
import io.spindle.core.restart.RestartPolicy;

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

    /** Every option, by the class that declares it, in the order of {@code spindle config} and the reference. */
    public static final List<OptionGroup> GROUPS = List.of(
            new OptionGroup("Pipeline", PipelineOptions.class, PipelineOptions.ALL),
            new OptionGroup("Containers", ClusterOptions.class, ClusterOptions.ALL),
            new OptionGroup("YARN", YarnOptions.class, YarnOptions.ALL),
            new OptionGroup("Checkpoints, savepoints and recovery", CheckpointingOptions.class, CheckpointingOptions.ALL),
            new OptionGroup("State backend", StateBackendOptions.class, StateBackendOptions.ALL),
            new OptionGroup("Restart strategies", RestartOptions.class, RestartOptions.ALL),
            new OptionGroup("Metrics", MetricsOptions.class, MetricsOptions.ALL));

    public static final OptionRegistry REGISTRY = new OptionRegistry(
            GROUPS.stream().flatMap(group -> group.options().stream()).toList(), IGNORED_FLINK_KEYS, List.of(
            // Builds the restart policy once, so its cross-key rules (initial <= max, ...) are checked up front.
            config -> RestartPolicy.fromConfig(config, config.contains(CheckpointingOptions.INTERVAL),
                    new SplittableRandom(0)),
            PipelineOptions::parallelismWithinMaxParallelism));
}
