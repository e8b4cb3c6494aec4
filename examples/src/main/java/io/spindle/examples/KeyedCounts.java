package io.spindle.examples;

import io.spindle.api.DataStream;
import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.Tuple2;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Source;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;

import java.util.Optional;

/**
 * The W1 workload of docs/benchmarks.md: record i is (key(i), weight) with key(i) = floorMod(fmix64(i), K);
 * a keyed count in RocksDB. Arguments: {@code --records N} (absent: unbounded), {@code --keys K}
 * (default 1,000,000), {@code --rate R} records/s (absent: no limit), {@code --output dir}: at the end of
 * input, every key's final count as {@code key<TAB>count}; without it, every updated count goes to a
 * discarding sink.
 * For recovery tests and W2: {@code --fail-after R} makes subtask 0 of the count throw once it has counted
 * R records in an execution, in the first {@code --failures F} executions (default 1).
 * {@code --weight W} (default 1) makes every record count W: a run restored from a savepoint with another weight
 * writes counts that show how many of each key's records it counted itself, which proves that it resumed.
 */
public final class KeyedCounts implements SpindleJob {

    private static final Codec<Tuple2<Long, Long>> PAIR = Codecs.tuple2(Codecs.LONG, Codecs.LONG);

    @Override
    public void define(JobBuilder job, JobParams params) {
        long keys = ArgumentChecks.atLeast("keys", params.getLong("keys", 1_000_000), 1);
        long weight = ArgumentChecks.atLeast("weight", params.getLong("weight", 1), 1);
        Optional<Long> records = params.getLong("records").map(n -> ArgumentChecks.atLeast("records", n, 0));
        double rate = ArgumentChecks.recordsPerSecond(params);
        Optional<String> output = params.get("output").map(dir -> ArgumentChecks.nonEmptyPath("output", dir));
        FailureInjection failures = FailureInjection.from(params);
        Source<Tuple2<Long, Long>> source = records
                .map(n -> Sources.generator(n, i -> Tuple2.of(key(i, keys), weight), PAIR, rate))
                .orElseGet(() -> Sources.unboundedGenerator(i -> Tuple2.of(key(i, keys), weight), PAIR, rate));
        DataStream<Tuple2<Long, Long>> counts = job.source("generator", source)
                .keyBy(Tuple2::f0, Codecs.LONG)
                .process("count", new CountPerKey(output.isPresent(), failures), PAIR);
        if (output.isPresent()) {
            counts.sink("output", Sinks.textFiles(output.get(), pair -> pair.f0() + "\t" + pair.f1()));
        } else {
            counts.sink("discard", Sinks.discard());
        }
    }

    /** The key of record i: murmur3's 64-bit finaliser, then modulo the number of keys. */
    public static long key(long i, long keys) {
        return Math.floorMod(Murmur3.fmix64(i), keys);
    }

    /** Counts per key; emits either every new count, or each key's final count at the end of input. */
    static final class CountPerKey extends ProcessFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {

        private static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Codecs.LONG);
        private final boolean finalCountsOnly;
        private final FailureInjection failures;
        private ValueState<Long> count;
        private long counted;

        CountPerKey(boolean finalCountsOnly, FailureInjection failures) {
            this.finalCountsOnly = finalCountsOnly;
            this.failures = failures;
        }

        @Override
        public void open(ProcessContext context) {
            count = context.state(COUNT);
        }

        @Override
        public void processElement(Tuple2<Long, Long> record, ProcessContext context,
                                   Collector<Tuple2<Long, Long>> out) {
            failures.check(context.subtaskIndex(), context.attemptNumber(), ++counted);
            Long current = count.value();
            long updated = (current == null ? 0 : current) + record.f1();
            count.update(updated);
            if (!finalCountsOnly) {
                out.collect(Tuple2.of(record.f0(), updated));
            }
        }

        @Override
        public void endOfInput(ProcessContext context, Collector<Tuple2<Long, Long>> out) {
            if (finalCountsOnly) {
                context.<Long, Long>forEachValue(COUNT, (key, value) -> out.collect(Tuple2.of(key, value)));
            }
        }
    }
}
