package io.spindle.state.rocksdb;

import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.KeyedTimers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.spindle.state.TestCodecs.STRING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * By hand, not with the tests: µs per timer registered and polled, window-like (100k keys, each with a timer at
 * each of a few window ends shared by all keys, fired window by window).
 * {@code mvn -B -ntp -o -pl hdfs-state -am test -Dtest=RocksDbTimersBenchmark -Dspindle.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "spindle.benchmark", matches = "true")
class RocksDbTimersBenchmark {

    private static final int KEYS = 100_000;
    private static final int WINDOWS = 4;
    private static final long WINDOW = 1_000;
    private static final int ROUNDS = 5;

    @TempDir
    Path tempDir;

    @Test
    void registerAndPoll() {
        try (RocksDbResources resources = new RocksDbResources(256L << 20);
             RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.open(resources,
                     tempDir.resolve("backend"), STRING, 128, new KeyGroupRange(0, 127))) {
            KeyedTimers<String, String> timers = backend.timers("bench", STRING);
            String[] keys = new String[KEYS];
            for (int i = 0; i < KEYS; i++) {
                keys[i] = "key-" + i;
            }
            for (int round = 0; round < ROUNDS; round++) {
                long base = round * WINDOWS * WINDOW;
                long start = System.nanoTime();
                for (int w = 1; w <= WINDOWS; w++) {
                    for (String key : keys) {
                        backend.setCurrentKey(key);
                        timers.register("window", base + w * WINDOW);
                    }
                }
                long registered = System.nanoTime();
                int polled = 0;
                for (int w = 1; w <= WINDOWS; w++) {
                    while (timers.pollDue(base + w * WINDOW) != null) {
                        polled++;
                    }
                }
                long end = System.nanoTime();
                assertThat(polled).isEqualTo(KEYS * WINDOWS);
                System.out.printf("round %d: register %.2f µs, pollDue %.2f µs per timer (%d timers)%n", round,
                        (registered - start) / 1e3 / polled, (end - registered) / 1e3 / polled, polled);
            }
        }
    }
}
