package io.spindle.runtime.operators.windowing;

import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.TimeDomain;
import io.spindle.api.functions.WindowContext;
import io.spindle.api.state.ListStateDescriptor;
import io.spindle.api.state.ValueState;
import io.spindle.api.state.ValueStateDescriptor;
import io.spindle.api.windowing.MergingWindows;
import io.spindle.api.windowing.TimeWindow;
import io.spindle.core.graph.WindowDefinition;
import io.spindle.runtime.operators.OperatorRuntime;
import io.spindle.runtime.operators.OperatorTimers;
import io.spindle.runtime.operators.StreamOperator;
import io.spindle.runtime.operators.UserCode;
import io.spindle.state.KeyedStateBackend;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keyed windows, as Flink's window operator with its default triggers: a record goes into each window the assigner
 * gives it (sessions merge first), and each window gets a timer at its last millisecond, on the watermark for
 * event time and the clock for processing time. The timer fires the window: its contents, or its aggregate's
 * result, go to the window function or straight out, timestamped with that millisecond. An event-time window stays
 * for the allowed lateness after that, firing again for each late record, and is cleared by a second timer; a
 * record too late for all its windows goes to the late side output, if there is one.
 *
 * <p>Everything is in the keyed state: the contents per key and window (a session's under its state window, so a
 * merge moves nothing already stored), the sessions of each key, and the timers.
 */
public final class WindowOperator extends StreamOperator<Object, Object> implements WindowContext {

    private final WindowDefinition definition;
    private final KeySelector<Object, Object> keySelector;
    private final boolean eventTime;
    private OperatorRuntime runtime;
    private KeyedStateBackend<Object> keyed;
    private OperatorTimers<TimeWindow> timers;
    private WindowContents contents;
    /** Null unless the assigner merges windows. */
    private ValueState<Map<TimeWindow, TimeWindow>> sessions;
    private TimeWindow firing;

    public WindowOperator(String name, WindowDefinition definition, KeySelector<Object, Object> keySelector) {
        super(name);
        this.definition = definition;
        this.keySelector = keySelector;
        this.eventTime = definition.assigner().isEventTime();
    }

    @Override
    public void open(OperatorRuntime operatorRuntime) {
        runtime = operatorRuntime;
        keyed = operatorRuntime.keyedState();
        timers = new OperatorTimers<>(keyed, TimeWindow.CODEC, operatorRuntime.timestamp());
        contents = definition.aggregate() != null
                ? new AggregatingContents(keyed.namespacedValueState(new ValueStateDescriptor<>(
                        WindowDefinition.CONTENTS_STATE, definition.accumulatorCodec()), TimeWindow.CODEC),
                        definition.aggregate())
                : new ListContents(keyed.namespacedListState(new ListStateDescriptor<>(
                        WindowDefinition.CONTENTS_STATE, definition.recordCodec()), TimeWindow.CODEC));
        if (definition.assigner().isMerging()) {
            sessions = keyed.valueState(WindowDefinition.sessionsDescriptor());
        }
    }

    @Override
    protected void processElement(Object record) throws Exception {
        keyed.setCurrentKey(keySelector.key(record));
        long timestamp = runtime.timestamp().get();
        Collection<TimeWindow> windows = definition.assigner().assignWindows(record, timestamp,
                runtime.clock().getAsLong());
        boolean added = sessions == null ? addToWindows(windows, record) : addToSessions(windows, record);
        if (!added && definition.lateRecords() != null && isLate(timestamp)) {
            output.collectSide(definition.lateRecords(), record);
        }
        runtime.timestamp().set(timestamp);
    }

    private boolean addToWindows(Collection<TimeWindow> windows, Object record) throws Exception {
        boolean added = false;
        for (TimeWindow window : windows) {
            if (isLate(cleanupTime(window))) {
                continue;
            }
            added = true;
            if (contents.add(window, record)) {
                registerTimers(window);
            }
            fireIfLate(window, window);
        }
        return added;
    }

    private boolean addToSessions(Collection<TimeWindow> windows, Object record) throws Exception {
        MergingWindows merging = new MergingWindows(storedSessions());
        boolean added = false;
        for (TimeWindow window : windows) {
            MergingWindows.Addition addition = merging.add(window);
            for (TimeWindow merged : addition.mergedWindows()) {
                deleteTimers(merged);
            }
            contents.merge(addition.stateWindow(), addition.mergedStateWindows());
            if (isLate(cleanupTime(addition.window()))) {
                merging.retire(addition.window());
                contents.clear(addition.stateWindow());
                continue;
            }
            added = true;
            contents.add(addition.stateWindow(), record);
            if (addition.isNew() || !addition.mergedWindows().isEmpty()) {
                registerTimers(addition.window());
            }
            fireIfLate(addition.window(), addition.stateWindow());
        }
        sessions.update(merging.toMap());
        return added;
    }

    private Map<TimeWindow, TimeWindow> storedSessions() {
        Map<TimeWindow, TimeWindow> stored = sessions.value();
        return stored == null ? Map.of() : stored;
    }

    /** A late record within the allowed lateness fires its window again at once. */
    private void fireIfLate(TimeWindow window, TimeWindow stateWindow) throws Exception {
        if (eventTime && window.maxTimestamp() <= currentWatermark()) {
            fire(window, stateWindow);
        }
    }

    private void registerTimers(TimeWindow window) {
        if (eventTime) {
            // A window the watermark already reached fires at once (fireIfLate); a timer would fire it again.
            if (window.maxTimestamp() > currentWatermark()) {
                timers.registerEventTime(window, window.maxTimestamp());
            }
            if (cleanupTime(window) != window.maxTimestamp()) {
                timers.registerEventTime(window, cleanupTime(window));
            }
        } else {
            timers.registerProcessingTime(window, window.maxTimestamp());
        }
    }

    private void deleteTimers(TimeWindow window) {
        if (eventTime) {
            timers.deleteEventTime(window, window.maxTimestamp());
            if (cleanupTime(window) != window.maxTimestamp()) {
                timers.deleteEventTime(window, cleanupTime(window));
            }
        } else {
            timers.deleteProcessingTime(window, window.maxTimestamp());
        }
    }

    /** When the window's state goes: after the allowed lateness for event time, when it fires for processing time. */
    private long cleanupTime(TimeWindow window) {
        long cleanup = window.maxTimestamp() + (eventTime ? definition.allowedLatenessMillis() : 0);
        return cleanup < window.maxTimestamp() ? Long.MAX_VALUE : cleanup;
    }

    /** Whether event time has passed {@code time}: the watermark reached it. */
    private boolean isLate(long time) {
        return eventTime && time <= currentWatermark();
    }

    @Override
    protected void onWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark, this::onTimer);
    }

    @Override
    public long fireTimers(long nowMillis) {
        try {
            return timers.fireProcessingTime(nowMillis, this::onTimer);
        } catch (Exception e) {
            throw UserCode.failure(name(), e);
        }
    }

    private void onTimer(long time, TimeWindow window, TimeDomain domain) throws Exception {
        MergingWindows merging = sessions == null ? null : new MergingWindows(storedSessions());
        TimeWindow stateWindow = window;
        if (merging != null) {
            Optional<TimeWindow> current = merging.stateWindowOf(window);
            if (current.isEmpty()) {
                return; // the session merged into another since this timer was set
            }
            stateWindow = current.get();
        }
        if (time == window.maxTimestamp()) {
            fire(window, stateWindow);
        }
        if (time == cleanupTime(window)) {
            contents.clear(stateWindow);
            if (merging != null) {
                merging.retire(window);
                sessions.update(merging.toMap());
            }
        }
    }

    private void fire(TimeWindow window, TimeWindow stateWindow) throws Exception {
        List<Object> results = contents.results(stateWindow);
        if (results.isEmpty()) {
            return;
        }
        runtime.timestamp().set(window.maxTimestamp());
        if (definition.windowFunction() == null) {
            results.forEach(output::collect);
            return;
        }
        firing = window;
        try {
            definition.windowFunction().process(keyed.currentKey(), this, results, output);
        } finally {
            firing = null;
        }
    }

    @Override
    public TimeWindow window() {
        return firing;
    }

    @Override
    public long currentProcessingTime() {
        return runtime.clock().getAsLong();
    }
}
