package io.spindle.master.local;

import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.Tuple2;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalExecutorTest {

    /** Sinks of a test run write here, by test-chosen name; each job uses its own names. */
    private static final Map<String, List<Object>> COLLECTED = new ConcurrentHashMap<>();

    private static <T> Sink<T> collectInto(String name) {
        COLLECTED.put(name, Collections.synchronizedList(new ArrayList<>()));
        return context -> value -> COLLECTED.get(name).add(value);
    }

    private static JobResult run(int parallelism, SpindleJob job) throws InterruptedException {
        return LocalJobs.execute(new LocalExecutor(Configuration.fromMap(Map.of("parallelism.default",
                String.valueOf(parallelism)))), job, JobParams.of(Map.of()));
    }

    @Test
    void exceptionInUserCodeFailsTheJobNamingTheOperatorAndKeepingTheCause() {
        IllegalStateException boom = new IllegalStateException("bad record 500");
        SpindleJob job = (builder, params) -> builder
                .source("numbers", Sources.generator(1_000, i -> i, Codecs.LONG))
                .map("explode", i -> {
                    if (i == 500) {
                        throw boom;
                    }
                    return i;
                }, Codecs.LONG)
                .rebalance()
                .sink("out", Sinks.discard());

        assertThatThrownBy(() -> run(2, job)).isInstanceOf(JobExecutionException.class)
                .hasMessage("job failed: operator 'explode' threw java.lang.IllegalStateException: bad record 500")
                .hasCause(boom);
    }

    @Test
    void everyRecordArrivesOnceThroughRebalanceAcrossParallelisms() throws InterruptedException {
        Sink<Long> sink = collectInto("rebalanced");
        run(3, (builder, params) -> builder
                .source("numbers", Sources.generator(100_000, i -> i, Codecs.LONG)).parallelism(2)
                .rebalance()
                .map("double", i -> i * 2, Codecs.LONG)
                .sink("out", sink));

        assertThat(COLLECTED.get("rebalanced")).hasSize(100_000)
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 100_000).map(i -> i * 2).boxed().toList());
    }

    @Test
    void broadcastDeliversEveryRecordToEverySubtask() throws InterruptedException {
        Sink<Long> sink = collectInto("broadcast");
        run(3, (builder, params) -> builder
                .source("numbers", Sources.generator(1_000, i -> i, Codecs.LONG)).parallelism(1)
                .broadcast()
                .sink("out", sink));

        assertThat(COLLECTED.get("broadcast")).hasSize(3_000);
    }

    @Test
    void unionMergesStreamsOfSeveralSources() throws InterruptedException {
        Sink<String> sink = collectInto("union");
        run(2, (builder, params) -> builder
                .source("left", Sources.collection(List.of("a", "b"), Codecs.STRING))
                .union(builder.source("right", Sources.collection(List.of("c"), Codecs.STRING)))
                .rebalance()
                .sink("out", sink));

        assertThat(COLLECTED.get("union")).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void keyedReduceKeepsARunningValuePerKey() throws InterruptedException {
        Sink<Tuple2<String, Long>> sink = collectInto("reduce");
        run(2, (builder, params) -> builder
                .source("pairs", Sources.generator(10_000, i -> Tuple2.of("k" + (i % 7), 1L),
                        Codecs.tuple2(Codecs.STRING, Codecs.LONG)))
                .keyBy(Tuple2::f0, Codecs.STRING)
                .reduce("sum", (a, b) -> Tuple2.of(a.f0(), a.f1() + b.f1()))
                .sink("out", sink));

        Map<Object, Long> last = COLLECTED.get("reduce").stream().map(t -> (Tuple2<?, ?>) t)
                .collect(Collectors.toMap(Tuple2::f0, t -> (Long) t.f1(), Math::max));
        assertThat(last).hasSize(7);
        assertThat(last.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10_000);
    }

    /** Registers a timer due at once per key and emits the key when it fires. */
    static final class EchoOnTimer extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, ProcessContext context, Collector<String> out) {
            context.timers().registerProcessingTimeTimer(context.timers().currentProcessingTime());
        }

        @Override
        public void onTimer(long timeMillis, ProcessContext context, Collector<String> out) {
            out.collect("timer " + context.currentKey());
        }
    }

    @Test
    void processingTimeTimersFireForTheirKey() throws InterruptedException {
        Sink<String> sink = collectInto("timers");
        run(1, (builder, params) -> builder
                .source("slow", Sources.generator(3, i -> "key" + i, Codecs.STRING, 20))
                .keyBy(s -> s, Codecs.STRING)
                .process("echo", new EchoOnTimer(), Codecs.STRING)
                .sink("out", sink));

        assertThat(COLLECTED.get("timers")).containsExactlyInAnyOrder("timer key0", "timer key1", "timer key2");
    }

    @Test
    void resultCountsTheRecordsEachOperatorReceived() throws InterruptedException {
        JobResult result = run(2, (builder, params) -> builder
                .source("numbers", Sources.generator(5_000, i -> i, Codecs.LONG))
                .filter("even", i -> i % 2 == 0)
                .sink("out", Sinks.discard()));

        assertThat(result.recordsIn()).containsEntry("even", 5_000L).containsEntry("out", 2_500L);
    }

    @Test
    void aRunningJobTellsTheRecordsEachOperatorReceivedSoFar() throws Exception {
        LocalJob job = new LocalExecutor(Configuration.fromMap(Map.of("parallelism.default", "2"))).start(
                (builder, params) -> builder
                        .source("numbers", Sources.unboundedGenerator(i -> i, Codecs.LONG, 20_000))
                        .filter("even", i -> i % 2 == 0)
                        .sink("out", Sinks.discard()),
                JobParams.of(Map.of()));
        LocalJobs.awaitCondition("2,000 records into even", () -> job.recordsIn().getOrDefault("even", 0L) >= 2_000);
        Map<String, Long> soFar = job.recordsIn();
        job.cancel();

        assertThat(soFar.get("even")).isGreaterThanOrEqualTo(2_000);
        assertThat(soFar.get("out")).isPositive().isLessThanOrEqualTo(soFar.get("even"));
        assertThatThrownBy(() -> LocalJobs.await(job)).isInstanceOf(JobCancelledException.class);
    }
}
