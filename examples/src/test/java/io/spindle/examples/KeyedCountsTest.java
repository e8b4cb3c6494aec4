package io.spindle.examples;

import io.spindle.api.JobParams;
import io.spindle.core.config.Configuration;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedCountsTest {

    private static final int RECORDS = 2_000_000;
    private static final int KEYS = 1_000_000;

    @TempDir
    Path work;

    @Test
    void keyFunctionMatchesTheBenchmarkVectors() {
        assertThat(KeyedCounts.key(0, KEYS)).isZero();
        assertThat(KeyedCounts.key(1, KEYS)).isEqualTo(554_988);
        assertThat(KeyedCounts.key(2, KEYS)).isEqualTo(801_447);
        assertThat(KeyedCounts.key(1_999_999, KEYS)).isEqualTo(772_563);
    }

    @Test
    void finalCountsOverTwoSubtasksEqualTheGeneratorsCounts() throws IOException, InterruptedException {
        Path output = work.resolve("counts");
        // 4 MiB of RocksDB memory for ~865k keys: state is far larger than the block cache.
        Configuration configuration = Configuration.fromMap(Map.of("parallelism.default", "2",
                "state.backend.rocksdb.memory.managed-size", "4m"));

        LocalJobs.execute(new LocalExecutor(configuration), new KeyedCounts(), JobParams.of(Map.of(
                "records", String.valueOf(RECORDS), "keys", String.valueOf(KEYS), "output", output.toString())));

        Map<String, Long> counts = OutputFiles.counts(output);
        assertThat(counts).hasSize(864_611);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECORDS);
        assertThat(counts).isEqualTo(expectedCounts());
    }

    private static Map<String, Long> expectedCounts() {
        long[] perKey = new long[KEYS];
        for (long i = 0; i < RECORDS; i++) {
            perKey[(int) KeyedCounts.key(i, KEYS)]++;
        }
        Map<String, Long> expected = new HashMap<>();
        for (int key = 0; key < KEYS; key++) {
            if (perKey[key] > 0) {
                expected.put(String.valueOf(key), perKey[key]);
            }
        }
        return expected;
    }
}
