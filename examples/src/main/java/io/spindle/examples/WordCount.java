package io.spindle.examples;

import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.Tuple2;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;

import java.util.Locale;

/**
 * Counts words: {@code --input <path> --output <dir>}. Tokens are the input lower-cased
 * ({@code Locale.ROOT}) and split on every character that is not a letter or digit; the output has
 * a line {@code word<TAB>count} per word, each word once.
 */
public final class WordCount implements SpindleJob {

    @Override
    public void define(JobBuilder job, JobParams params) {
        String input = ArgumentChecks.existingInput("input", params.required("input"));
        String output = ArgumentChecks.nonEmptyPath("output", params.required("output"));
        job.source("lines", Sources.textFiles(input))
                .flatMap("split", WordCount::tokens, Codecs.STRING)
                .keyBy(word -> word, Codecs.STRING)
                .process("count", new CountWords(), Codecs.tuple2(Codecs.STRING, Codecs.LONG))
                .sink("output", Sinks.textFiles(output, pair -> pair.f0() + "\t" + pair.f1()));
    }

    static void tokens(String line, Collector<String> out) {
        String lower = line.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(codePoint);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                out.collect(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            out.collect(lower.substring(start));
        }
    }

    /** Counts each word; emits every word's total once, when the input ends. */
    static final class CountWords extends ProcessFunction<String, Tuple2<String, Long>> {

        private static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Codecs.LONG);
        private ValueState<Long> count;

        @Override
        public void open(ProcessContext context) {
            count = context.state(COUNT);
        }

        @Override
        public void processElement(String word, ProcessContext context, Collector<Tuple2<String, Long>> out) {
            Long current = count.value();
            count.update(current == null ? 1 : current + 1);
        }

        @Override
        public void endOfInput(ProcessContext context, Collector<Tuple2<String, Long>> out) {
            context.<String, Long>forEachValue(COUNT, (word, total) -> out.collect(Tuple2.of(word, total)));
        }
    }
}
