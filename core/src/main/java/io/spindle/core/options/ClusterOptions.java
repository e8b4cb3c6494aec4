package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.MemorySize;

import java.time.Duration;

/** Sizes of the ApplicationMaster and worker containers, and how they watch each other. Defaults are Flink's. */
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

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOption.key("heartbeat.interval")
            .durationType().defaultValue(Duration.ofSeconds(10))
            .withDescription("How often a worker tells the ApplicationMaster it is alive.");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = ConfigOption.key("heartbeat.timeout")
            .durationType().defaultValue(Duration.ofSeconds(50))
            .withDescription("A worker not heard from for this long is lost: its tasks are restarted elsewhere.");
}
