package io.spindle.core.graph;

import io.spindle.api.CoGroupedStreams;
import io.spindle.api.DataStream;
import io.spindle.api.JobDefinitionException;
import io.spindle.api.codec.Codec;
import io.spindle.api.functions.CoGroupFunction;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.JoinFunction;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.ProcessWindowFunction;
import io.spindle.api.functions.WindowContext;
import io.spindle.api.windowing.WindowAssigner;

import java.util.ArrayList;
import java.util.List;

/**
 * A window co-group made of operators that exist already: each side is tagged by a map ("name/first",
 * "name/second"), the two tagged streams are united, keyed by either side's key, and one window operator keeps
 * both sides' records per key and window and hands them to the co-group function when the window fires.
 */
final class CoGroupedStreamsImpl<A, B> implements CoGroupedStreams<A, B> {

    private final DataStreamImpl<A> first;
    private final DataStreamImpl<B> second;

    CoGroupedStreamsImpl(DataStreamImpl<A> first, DataStreamImpl<B> second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public <K> Where<A, B, K> where(KeySelector<A, K> firstKey) {
        return (secondKey, keyCodec) -> assigner -> new WindowedCoGroup<>(firstKey, secondKey, keyCodec, assigner);
    }

    private final class WindowedCoGroup<K> implements Windowed<A, B> {
        private final KeySelector<A, K> firstKey;
        private final KeySelector<B, K> secondKey;
        private final Codec<K> keyCodec;
        private final WindowAssigner<Object> assigner;

        WindowedCoGroup(KeySelector<A, K> firstKey, KeySelector<B, K> secondKey, Codec<K> keyCodec,
                        WindowAssigner<Object> assigner) {
            if (firstKey == null || secondKey == null || keyCodec == null || assigner == null) {
                throw new JobDefinitionException("a co-group needs both key selectors, a key codec and a window "
                        + "assigner");
            }
            this.firstKey = firstKey;
            this.secondKey = secondKey;
            this.keyCodec = keyCodec;
            this.assigner = assigner;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> DataStream<R> apply(String name, CoGroupFunction<A, B, R> function, Codec<R> codec) {
            StreamGraphBuilder.requireNonNull(name, function, "co-group function");
            Codec<TaggedUnion> unionCodec = TaggedUnion.codec((Codec<Object>) first.codecOfInput(),
                    (Codec<Object>) second.codecOfInput());
            DataStream<TaggedUnion> tagged = first.map(name + "/first", a -> new TaggedUnion(true, a), unionCodec)
                    .union(second.map(name + "/second", b -> new TaggedUnion(false, b), unionCodec));
            KeySelector<TaggedUnion, K> key = union -> union.isFirst()
                    ? firstKey.key((A) union.value()) : secondKey.key((B) union.value());
            return tagged.keyBy(key, keyCodec).window(assigner).process(name, new CoGroupWindow<>(function), codec);
        }

        @Override
        public <R> DataStream<R> join(String name, JoinFunction<A, B, R> function, Codec<R> codec) {
            StreamGraphBuilder.requireNonNull(name, function, "join function");
            return apply(name, (firsts, seconds, out) -> {
                for (A a : firsts) {
                    for (B b : seconds) {
                        out.collect(function.join(a, b));
                    }
                }
            }, codec);
        }
    }

    /** Splits a window's tagged records into the two groups. */
    private static final class CoGroupWindow<A, B, R, K> extends ProcessWindowFunction<TaggedUnion, R, K> {
        private final CoGroupFunction<A, B, R> function;

        CoGroupWindow(CoGroupFunction<A, B, R> function) {
            this.function = function;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void process(K key, WindowContext context, Iterable<TaggedUnion> elements, Collector<R> out)
                throws Exception {
            List<A> firsts = new ArrayList<>();
            List<B> seconds = new ArrayList<>();
            for (TaggedUnion element : elements) {
                if (element.isFirst()) {
                    firsts.add((A) element.value());
                } else {
                    seconds.add((B) element.value());
                }
            }
            function.coGroup(firsts, seconds, out);
        }
    }
}
