package io.spindle.core.options;

import io.spindle.core.config.ConfigOption;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.MemorySize;
import io.spindle.core.config.ValueRule;

import java.nio.file.Path;
import java.util.List;

/** Where keyed state lives on a worker and how much memory it may use. */
public final class StateBackendOptions {

    private StateBackendOptions() { }

    /** The directory used when {@link #ROCKSDB_LOCAL_DIR} is not set, under {@code java.io.tmpdir}. */
    public static final String DEFAULT_LOCAL_DIR_NAME = "spindle-rocksdb";

    public static final ConfigOption<String> ROCKSDB_LOCAL_DIR = ConfigOption.key("state.backend.rocksdb.localdir")
            .stringType().noDefaultValue()
            .withDescription("Local directory for the working files of RocksDB state (one subdirectory per "
                    + "subtask, deleted when it ends). Unset: java.io.tmpdir/" + DEFAULT_LOCAL_DIR_NAME + ".");

    /** Smaller budgets are almost surely a missing unit ("128" instead of "128m"). */
    public static final MemorySize MIN_MANAGED_MEMORY = MemorySize.ofMebiBytes(1);

    public static final ConfigOption<MemorySize> ROCKSDB_MANAGED_MEMORY =
            ConfigOption.key("state.backend.rocksdb.memory.managed-size")
                    .memoryType().defaultValue(MemorySize.ofMebiBytes(128))
                    .withRule(ValueRule.atLeast(MIN_MANAGED_MEMORY))
                    .withFlinkKey("state.backend.rocksdb.memory.fixed-per-tm")
                    .withDescription("Memory that all RocksDB instances of one worker share: block cache, "
                            + "index and filter blocks, and write buffers (at most half of it).");

    public static final List<ConfigOption<?>> ALL = List.of(ROCKSDB_LOCAL_DIR, ROCKSDB_MANAGED_MEMORY);

    /** The configured local directory for RocksDB, or {@code java.io.tmpdir/spindle-rocksdb}. */
    public static Path rocksDbLocalDir(Configuration config) {
        return config.getOptional(ROCKSDB_LOCAL_DIR)
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_LOCAL_DIR_NAME));
    }
}
