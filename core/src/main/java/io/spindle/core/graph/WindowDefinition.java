package io.spindle.core.graph;

import io.spindle.api.OutputTag;
import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.api.windowing.TimeWindow;
import io.spindle.api.functions.AggregateFunction;
import io.spindle.api.functions.ProcessWindowFunction;
import io.spindle.api.windowing.WindowAssigner;

import java.util.Map;

/**
 * What a window operator does: how it assigns windows, what a window keeps (an accumulator, or every record when
 * {@code aggregate} is null) and what it emits when it fires (the window function's output, or the aggregate's
 * result when there is none).
 *
 * @param allowedLatenessMillis how long an event-time window stays after it fired, for late records
 * @param lateRecords where records too late for all their windows go; null: dropped
 * @param aggregate null: the window keeps its records, in the codec {@code recordCodec}
 * @param accumulatorCodec the aggregate's accumulator codec; null without aggregate
 * @param windowFunction null: the aggregate's result is the output
 */
public record WindowDefinition(WindowAssigner<Object> assigner, long allowedLatenessMillis, OutputTag<Object> lateRecords,
                               AggregateFunction<Object, Object, Object> aggregate, Codec<Object> accumulatorCodec,
                               Codec<Object> recordCodec, ProcessWindowFunction<Object, Object, Object> windowFunction) {

    /** The state a window's contents live in (per key and window). */
    public static final String CONTENTS_STATE = "window-contents";
    /** The state of a merging assigner's windows per key (sessions and the windows their contents live under). */
    public static final String MERGING_WINDOWS_STATE = "merging-windows";

    public static ValueStateDescriptor<Map<TimeWindow, TimeWindow>> sessionsDescriptor() {
        return new ValueStateDescriptor<>(MERGING_WINDOWS_STATE, Codecs.map(TimeWindow.CODEC, TimeWindow.CODEC));
    }
}
