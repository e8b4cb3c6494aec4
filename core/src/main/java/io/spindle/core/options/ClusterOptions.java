package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.MemorySize;
import io.spindle.core.config.ValueRule;

import java.time.Duration;
import java.util.List;

/** Sizes of the ApplicationMaster and worker containers, and how they watch each other. Defaults are Flink's. */
public final class ClusterOptions {

    private ClusterOptions() { }

    /** Smaller containers cannot hold a JVM: its heap alone takes at least 64 MiB (see JvmCommand). */
    public static final MemorySize MIN_PROCESS_MEMORY = MemorySize.ofMebiBytes(128);

    public static final ConfigOption<Integer> TASK_SLOTS = ConfigOption.key("taskmanager.numberOfTaskSlots")
            .intType().defaultValue(1)
            .withRule(ValueRule.atLeast(1))
            .withDescription("Subtask slots per worker container.");

    public static final ConfigOption<MemorySize> WORKER_MEMORY = ConfigOption.key("taskmanager.memory.process.size")
            .memoryType().defaultValue(MemorySize.ofMebiBytes(1728))
            .withRule(ValueRule.atLeast(MIN_PROCESS_MEMORY))
            .withDescription("Memory of one worker container (the whole process).");

    public static final ConfigOption<MemorySize> MASTER_MEMORY = ConfigOption.key("jobmanager.memory.process.size")
            .memoryType().defaultValue(MemorySize.ofMebiBytes(1600))
            .withRule(ValueRule.atLeast(MIN_PROCESS_MEMORY))
            .withDescription("Memory of the ApplicationMaster container (the whole process).");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOption.key("heartbeat.interval")
            .durationType().defaultValue(Duration.ofSeconds(10))
            .withRule(ValueRule.atLeast(Duration.ofMillis(1)))
            .withDescription("How often a worker tells the ApplicationMaster it is alive.");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = ConfigOption.key("heartbeat.timeout")
            .durationType().defaultValue(Duration.ofSeconds(50))
            .withDescription("A worker not heard from for this long is lost: its tasks are restarted elsewhere.");

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOption.key("slot.request.timeout")
            .durationType().defaultValue(Duration.ofMinutes(5))
            .withRule(ValueRule.atLeast(Duration.ofMillis(1)))
            .withDescription("How long an attempt waits for the worker containers it needs; then it fails, saying "
                    + "what it waited for, and the restart strategy decides.");

    public static final List<ConfigOption<?>> ALL = List.of(TASK_SLOTS, WORKER_MEMORY, MASTER_MEMORY,
            HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT, SLOT_REQUEST_TIMEOUT);
}
