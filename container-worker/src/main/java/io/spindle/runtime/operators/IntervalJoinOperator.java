package io.spindle.runtime.operators;

import io.spindle.api.codec.Codecs;
import io.spindle.api.eventtime.Watermarks;
import io.spindle.api.functions.JoinContext;
import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.TimeDomain;
import io.spindle.api.state.MapState;
import io.spindle.core.graph.IntervalJoinDefinition;
import io.spindle.state.KeyedStateBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flink's interval join: each record waits in its side's keyed state, by timestamp, and meets every record of the
 * other side already there whose time is within the interval; a cleanup timer drops it once the watermark passed the
 * last time a partner could have. A record already behind the watermark is dropped, as it could miss partners that
 * left. Output records get the later of the pair's timestamps.
 */
public final class IntervalJoinOperator extends StreamOperator<Object, Object> implements SecondInput, JoinContext {

    private final IntervalJoinDefinition definition;
    private final KeySelector<Object, Object> firstKey;
    private final KeySelector<Object, Object> secondKey;
    private OperatorRuntime runtime;
    private KeyedStateBackend<Object> keyed;
    private OperatorTimers<Boolean> timers;
    private MapState<Long, List<Object>> firstBuffer;
    private MapState<Long, List<Object>> secondBuffer;
    private long leftTimestamp;
    private long rightTimestamp;

    public IntervalJoinOperator(String name, IntervalJoinDefinition definition, KeySelector<Object, Object> firstKey,
                                KeySelector<Object, Object> secondKey) {
        super(name);
        this.definition = definition;
        this.firstKey = firstKey;
        this.secondKey = secondKey;
    }

    @Override
    public void open(OperatorRuntime operatorRuntime) {
        runtime = operatorRuntime;
        keyed = operatorRuntime.keyedState();
        timers = new OperatorTimers<>(keyed, Codecs.BOOLEAN, operatorRuntime.timestamp());
        firstBuffer = keyed.mapState(definition.firstBuffer());
        secondBuffer = keyed.mapState(definition.secondBuffer());
    }

    @Override
    protected void processElement(Object record) throws Exception {
        keyed.setCurrentKey(firstKey.key(record));
        process(record, true);
    }

    @Override
    public void collectSecond(Object record) {
        countRecordIn();
        try {
            keyed.setCurrentKey(secondKey.key(record));
            process(record, false);
        } catch (Exception e) {
            throw UserCode.failure(name(), e);
        }
    }

    private void process(Object record, boolean first) throws Exception {
        long time = runtime.timestamp().get();
        if (time == Watermarks.NO_TIMESTAMP) {
            throw new IllegalStateException("interval join '" + name() + "' got a record without event time: give "
                    + "the sources a WatermarkStrategy");
        }
        if (currentWatermark() != Watermarks.NO_TIMESTAMP && time < currentWatermark()) {
            return;
        }
        MapState<Long, List<Object>> own = first ? firstBuffer : secondBuffer;
        List<Object> waiting = own.get(time);
        List<Object> records = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
        records.add(record);
        own.put(time, records);
        // the other side's times that pair with this one: [time + lower, time + upper] seen from the first side
        long from = first ? time + definition.lowerMillis() : time - definition.upperMillis();
        long to = first ? time + definition.upperMillis() : time - definition.lowerMillis();
        for (Map.Entry<Long, List<Object>> partners : (first ? secondBuffer : firstBuffer).entries()) {
            long partnerTime = partners.getKey();
            if (partnerTime < from || partnerTime > to) {
                continue;
            }
            for (Object partner : partners.getValue()) {
                emit(first ? record : partner, first ? partner : record, first ? time : partnerTime,
                        first ? partnerTime : time);
            }
        }
        timers.registerEventTime(first, cleanupTime(time, first));
    }

    /** The watermark after which no record of the other side can pair with one at {@code time}. */
    private long cleanupTime(long time, boolean first) {
        long reach = first ? definition.upperMillis() : -definition.lowerMillis();
        return reach > 0 ? time + reach : time;
    }

    private void emit(Object left, Object right, long leftTime, long rightTime) throws Exception {
        leftTimestamp = leftTime;
        rightTimestamp = rightTime;
        runtime.timestamp().set(Math.max(leftTime, rightTime));
        definition.function().processElement(left, right, this, output);
    }

    @Override
    protected void onWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark, this::cleanUp);
    }

    private void cleanUp(long time, Boolean first, TimeDomain domain) {
        long reach = first ? definition.upperMillis() : -definition.lowerMillis();
        (first ? firstBuffer : secondBuffer).remove(reach > 0 ? time - reach : time);
    }

    @Override
    public long leftTimestamp() {
        return leftTimestamp;
    }

    @Override
    public long rightTimestamp() {
        return rightTimestamp;
    }
}
