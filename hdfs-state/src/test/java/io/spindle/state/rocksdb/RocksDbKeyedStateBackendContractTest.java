package io.spindle.state.rocksdb;

import io.spindle.api.codec.Codec;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.KeyedStateBackend;
import io.spindle.state.KeyedStateBackendContractTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class RocksDbKeyedStateBackendContractTest extends KeyedStateBackendContractTest {

    @TempDir
    Path tempDir;

    private final RocksDbResources resources = new RocksDbResources(8L << 20);
    private int opened;

    @Override
    protected <K> KeyedStateBackend<K> createBackend(Codec<K> keyCodec, int maxParallelism, KeyGroupRange range) {
        return RocksDbKeyedStateBackend.open(resources, tempDir.resolve("backend-" + opened++), keyCodec,
                maxParallelism, range);
    }

    @AfterEach
    void closeResources() {
        resources.close();
    }
}
