package io.spindle.state.rocksdb;

import io.spindle.core.keys.KeyGroupRange;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.KeyedTimers;
import io.spindle.state.KeyedTimers.Timer;
import io.spindle.state.TestCodecs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static io.spindle.state.TestCodecs.STRING;
import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory caches of the first timers per key group ({@link TimerKeyCache}) at their edges. */
class RocksDbTimersTest {

    private static final int MAX_PARALLELISM = 128;
    private static final int BOUND = TimerKeyCache.BOUND;
    /** Keys and namespaces of one length, so that their encoded bytes sort as the strings do; few, so that their
     *  key groups have more timers than the bound. */
    private static final List<String> KEYS = List.of("k1", "k2", "k3");
    private static final Comparator<Timer<String, String>> FIRING_ORDER =
            Comparator.comparingLong((Timer<String, String> timer) -> timer.time())
                    .thenComparingInt(timer -> KeyGroups.keyGroupOf(TestCodecs.encode(STRING, timer.key()),
                            MAX_PARALLELISM))
                    .thenComparing(Timer::key)
                    .thenComparing(Timer::namespace);

    @TempDir
    Path tempDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private RocksDbKeyedStateBackend<String> open() {
        RocksDbResources resources = new RocksDbResources(8L << 20);
        toClose.add(resources);
        RocksDbKeyedStateBackend<String> backend = RocksDbKeyedStateBackend.open(resources,
                tempDir.resolve("backend"), STRING, MAX_PARALLELISM, new KeyGroupRange(0, MAX_PARALLELISM - 1));
        toClose.add(backend);
        return backend;
    }

    /** Timers of a backend with the key "a" current: all in one key group. */
    private KeyedTimers<String, String> timersOfKeyA() {
        RocksDbKeyedStateBackend<String> backend = open();
        backend.setCurrentKey("a");
        return backend.timers("t", STRING);
    }

    private static void registerAll(KeyedTimers<String, String> timers, LongStream times) {
        times.forEach(time -> timers.register("w", time));
    }

    private static List<Long> pollAllTimes(KeyedTimers<String, String> timers) {
        List<Long> times = new ArrayList<>();
        for (Timer<String, String> timer = timers.pollDue(Long.MAX_VALUE); timer != null;
             timer = timers.pollDue(Long.MAX_VALUE)) {
            times.add(timer.time());
        }
        return times;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void aTimerEarlierThanEverythingCachedFiresFirst() {
        KeyedTimers<String, String> timers = timersOfKeyA();
        registerAll(timers, LongStream.range(100, 100 + 2 * BOUND));
        assertThat(timers.pollDue(100).time()).isEqualTo(100);

        timers.register("w", 50);

        assertThat(timers.nextTime()).isEqualTo(50);
        assertThat(timers.pollDue(100)).isEqualTo(new Timer<>(50L, "a", "w"));
        assertThat(pollAllTimes(timers)).isEqualTo(range(101, 100 + 2 * BOUND));
    }

    @Test
    void timersBetweenCachedTimersOrAfterTheCachedOnesFireInTheirPlace() {
        KeyedTimers<String, String> timers = timersOfKeyA();
        registerAll(timers, LongStream.range(1, 2 * BOUND).map(i -> 10 * i));
        for (long time = 10; time <= 30; time += 10) {
            assertThat(timers.pollDue(time).time()).isEqualTo(time);
        }

        // Past the last cached timer (10 * BOUND), after one only RocksDB holds; then between cached ones.
        timers.register("w", 10 * BOUND + 15);
        timers.register("w", 35);
        timers.register("v", 40);

        assertThat(timers.pollDue(40)).isEqualTo(new Timer<>(35L, "a", "w"));
        assertThat(timers.pollDue(40)).isEqualTo(new Timer<>(40L, "a", "v"));
        assertThat(timers.pollDue(40)).isEqualTo(new Timer<>(40L, "a", "w"));
        List<Long> expected = new ArrayList<>(range(5, 2 * BOUND).stream().map(i -> 10 * i).toList());
        expected.add(10L * BOUND + 15);
        Collections.sort(expected);
        assertThat(pollAllTimes(timers)).isEqualTo(expected);
    }

    @Test
    void moreTimersThanTheBoundInOneKeyGroupFireInOrder() {
        KeyedTimers<String, String> timers = timersOfKeyA();
        List<Long> times = new ArrayList<>(range(-2 * BOUND, 3 * BOUND));
        Collections.shuffle(times, new Random(7));
        times.forEach(time -> timers.register("w", time));
        times.subList(0, BOUND).forEach(time -> timers.register("w", time));

        assertThat(pollAllTimes(timers)).isEqualTo(range(-2 * BOUND, 3 * BOUND));
        assertThat(timers.nextTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aDeletedCachedTimerDoesNotFire() {
        KeyedTimers<String, String> timers = timersOfKeyA();
        registerAll(timers, LongStream.range(1, 2 * BOUND));
        assertThat(timers.pollDue(1).time()).isEqualTo(1);

        timers.delete("w", 2);
        timers.delete("w", 5);
        timers.delete("w", 2 * BOUND - 1);

        assertThat(timers.nextTime()).isEqualTo(3);
        List<Long> expected = new ArrayList<>(range(3, 2 * BOUND - 1));
        expected.remove(5L);
        assertThat(pollAllTimes(timers)).isEqualTo(expected);
    }

    @Test
    void timersRegisteredAfterAFillOfAllOfAKeyGroupBeyondTheBoundFireInOrder() {
        KeyedTimers<String, String> timers = timersOfKeyA();
        registerAll(timers, LongStream.rangeClosed(1, BOUND + 10).map(i -> 10 * i));
        for (int i = 1; i <= BOUND + 1; i++) {
            // The last of these polls fills the cache with the ten timers left: all of the key group's.
            assertThat(timers.pollDue(Long.MAX_VALUE).time()).isEqualTo(10L * i);
        }

        // Between, before and after the cached ones, more than the bound: the largest drop out of the cache.
        registerAll(timers, LongStream.range(0, 2 * BOUND).map(i -> 10 * (BOUND + 1) + 7 * i - 5));

        TreeSet<Long> expected = new TreeSet<>(range(BOUND + 2, BOUND + 11).stream().map(i -> 10 * i).toList());
        LongStream.range(0, 2 * BOUND).forEach(i -> expected.add(10 * (BOUND + 1) + 7 * i - 5));
        assertThat(timers.nextTime()).isEqualTo(expected.first());
        assertThat(pollAllTimes(timers)).containsExactlyElementsOf(expected);
    }

    @Test
    void randomRegistersDeletesAndPollsFireAsASortedSetSays() {
        RocksDbKeyedStateBackend<String> backend = open();
        KeyedTimers<String, String> timers = backend.timers("t", STRING);
        TreeSet<Timer<String, String>> expected = new TreeSet<>(FIRING_ORDER);
        Random random = new Random(42);
        long watermark = 0;
        int maxLive = 0;
        for (int step = 0; step < 30_000; step++) {
            int action = random.nextInt(10);
            if (action < 6) {
                Timer<String, String> timer = new Timer<>(watermark + random.nextInt(20 * BOUND) - 10,
                        KEYS.get(random.nextInt(KEYS.size())), "n" + random.nextInt(10));
                backend.setCurrentKey(timer.key());
                timers.register(timer.namespace(), timer.time());
                expected.add(timer);
            } else if (action < 8 && !expected.isEmpty()) {
                Timer<String, String> timer = random.nextBoolean() ? expected.first()
                        : expected.ceiling(new Timer<>(watermark + random.nextInt(20 * BOUND), "", ""));
                if (timer != null) {
                    backend.setCurrentKey(timer.key());
                    timers.delete(timer.namespace(), timer.time());
                    expected.remove(timer);
                }
            } else {
                watermark += random.nextInt(8);
                assertThat(timers.nextTime()).isLessThanOrEqualTo(expected.isEmpty() ? Long.MAX_VALUE
                        : expected.first().time());
                for (Timer<String, String> timer = timers.pollDue(watermark); timer != null;
                     timer = timers.pollDue(watermark)) {
                    assertThat(timer).isEqualTo(expected.pollFirst());
                    assertThat(backend.currentKey()).isEqualTo(timer.key());
                }
                assertThat(expected.isEmpty() || expected.first().time() > watermark).isTrue();
            }
            maxLive = Math.max(maxLive, expected.size());
        }
        assertThat(maxLive).isGreaterThan(KEYS.size() * 2 * BOUND);
        List<Timer<String, String>> polled = new ArrayList<>();
        for (Timer<String, String> timer = timers.pollDue(Long.MAX_VALUE); timer != null;
             timer = timers.pollDue(Long.MAX_VALUE)) {
            polled.add(timer);
        }
        assertThat(polled).containsExactlyElementsOf(expected);
    }
}
