package io.spindle.core.options;

import io.spindle.core.config.Configuration;
import io.spindle.core.config.MemorySize;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateBackendOptionsTest {

    @Test
    void theManagedMemoryOfAWorkerDefaultsTo128Mebibytes() {
        assertThat(new Configuration().get(StateBackendOptions.ROCKSDB_MANAGED_MEMORY)).isEqualTo(MemorySize.ofMebiBytes(128));
    }

    @Test
    void theManagedMemoryIsReadInFlinksMemorySyntax() {
        Configuration config = Configuration.fromMap(Map.of("state.backend.rocksdb.memory.managed-size", "1 g"));

        assertThat(config.get(StateBackendOptions.ROCKSDB_MANAGED_MEMORY).bytes()).isEqualTo(1L << 30);
    }

    @Test
    void theLocalDirectoryDefaultsToADirectoryUnderTheJavaTempDirectory() {
        assertThat(StateBackendOptions.rocksDbLocalDir(new Configuration()))
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "spindle-rocksdb"));
    }

    @Test
    void aConfiguredLocalDirectoryIsUsed() {
        Configuration config = Configuration.fromMap(Map.of("state.backend.rocksdb.localdir", "/data/1/rocks"));

        assertThat(StateBackendOptions.rocksDbLocalDir(config)).isEqualTo(Path.of("/data/1/rocks"));
    }
}
