package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.MemorySize;

/** Sizes of the ApplicationMaster and worker containers. Defaults are those of Flink's shipped file. */
public final class ClusterOptions {

    private ClusterOptions() { }

    public static final ConfigOption<Integer> TASK_SLOTS = ConfigOption.key("taskmanager.numberOfTaskSlots")
            .intType().defaultValue(1)
            .withDescription("Subtask slots per worker container.");

    public static final ConfigOption<MemorySize> WORKER_MEMORY = ConfigOption.key("taskmanager.memory.process.size")
            .memoryType().defaultValue(MemorySize.ofMebiBytes(1728))
            .withDescription("Memory of one worker container (the whole process).");

    public static final ConfigOption<MemorySize> MASTER_MEMORY = ConfigOption.key("jobmanager.memory.process.size")
            .memoryType().defaultValue(MemorySize.ofMebiBytes(1600))
            .withDescription("Memory of the ApplicationMaster container (the whole process).");
}
