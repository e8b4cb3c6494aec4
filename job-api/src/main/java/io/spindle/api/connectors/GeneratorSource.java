package io.spindle.api.connectors;

import io.spindle.api.Tuple2;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ListState;
import io.spindle.api.state.ListStateDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Index i belongs to slice {@code i % SLICES}; slices are spread over subtasks and each slice's next
 * index is the operator state. Rescaling moves whole slices, so every index is emitted exactly once.
 * Each slice is a split: it emits in increasing index to its own output, so event time follows each slice.
 */
final class GeneratorSource<T> implements Source<T> {

    static final long UNBOUNDED = Long.MAX_VALUE;
    static final int SLICES = 128;
    private static final int BATCH = 256;
    private static final ListStateDescriptor<Tuple2<Integer, Long>> POSITIONS =
            new ListStateDescriptor<>("generator-positions", Codecs.tuple2(Codecs.INT, Codecs.LONG));

    private final long count;
    private final LongFunction<T> generator;
    private final Codec<T> codec;
    private final double recordsPerSecond;

    GeneratorSource(long count, LongFunction<T> generator, Codec<T> codec, double recordsPerSecond) {
        if (count < 0) {
            throw new IllegalArgumentException("record count must not be negative: " + count);
        }
        this.count = count;
        this.generator = generator;
        this.codec = codec;
        this.recordsPerSecond = recordsPerSecond;
    }

    @Override
    public Codec<T> codec() {
        return codec;
    }

    @Override
    public boolean isBounded() {
        return count != UNBOUNDED;
    }

    @Override
    public SourceReader<T> createReader(SourceContext context) {
        ListState<Tuple2<Integer, Long>> state = context.operatorListState(POSITIONS);
        if (!context.isRestored()) {
            List<Tuple2<Integer, Long>> initial = new ArrayList<>();
            for (int slice = context.subtaskIndex(); slice < SLICES; slice += context.parallelism()) {
                initial.add(Tuple2.of(slice, (long) slice));
            }
            state.update(initial);
        }
        return new Reader(state, recordsPerSecond / context.parallelism());
    }

    private final class Reader implements SourceReader<T> {
        private final ListState<Tuple2<Integer, Long>> state;
        private final List<Slice> slices = new ArrayList<>();
        private final double rate;
        private final long startNanos = System.nanoTime();
        private long emitted;
        private int current;

        Reader(ListState<Tuple2<Integer, Long>> state, double rate) {
            this.state = state;
            this.rate = rate;
            for (Tuple2<Integer, Long> position : state.get()) {
                if (position.f1() < count) {
                    slices.add(new Slice(position.f0(), position.f1()));
                }
            }
        }

        @Override
        public Status poll(ReaderOutput<T> out) {
            if (slices.isEmpty()) {
                return Status.END_OF_INPUT;
            }
            long allowed = rate > 0 ? Math.min(BATCH, (long) ((System.nanoTime() - startNanos) / 1e9 * rate) - emitted)
                    : BATCH;
            if (allowed <= 0) {
                return Status.NOTHING_AVAILABLE;
            }
            if (slices.get(0).output == null) {
                // every slice holds the watermark back from the start, not only from its first record on
                slices.forEach(unopened -> unopened.output = out.forSplit(unopened.splitId()));
            }
            current %= slices.size();
            Slice slice = slices.get(current);
            for (long n = 0; n < allowed && slice.next < count; n++) {
                slice.output.collect(generator.apply(slice.next));
                slice.next += SLICES;
                emitted++;
            }
            if (slice.next >= count) {
                out.releaseSplit(slice.splitId());
                slices.remove(current);
            } else {
                current++;
            }
            return slices.isEmpty() ? Status.END_OF_INPUT : Status.MORE_AVAILABLE;
        }

        @Override
        public void snapshotState() {
            List<Tuple2<Integer, Long>> positions = new ArrayList<>();
            for (Slice slice : slices) {
                positions.add(Tuple2.of(slice.index, slice.next));
            }
            state.update(positions);
        }
    }

    /** A slice and the next index it emits. */
    private final class Slice {
        final int index;
        long next;
        SourceOutput<T> output;

        Slice(int index, long next) {
            this.index = index;
            this.next = next;
        }

        String splitId() {
            return "slice-" + index;
        }
    }
}
