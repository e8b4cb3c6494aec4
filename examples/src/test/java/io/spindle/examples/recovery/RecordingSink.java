package io.spindle.examples.recovery;

import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkWriter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sink that records what the runtime asks of its writers, per subtask and attempt, in order: "write",
 * "prepareCommit n", "commit n", "endOfInput". A job object is built anew per subtask, so the record lives in a
 * static map under the sink's name.
 */
final class RecordingSink<T> implements Sink<T> {

    private static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();

    private final String name;
    private final long slowPrepareMillis;

    /** @param slowPrepareMillis how long preparing a commit takes */
    RecordingSink(String name, long slowPrepareMillis) {
        this.name = name;
        this.slowPrepareMillis = slowPrepareMillis;
    }

    /** What subtask {@code subtask} of the sink heard in attempt {@code attempt}, in order. */
    static List<String> events(String name, int subtask, int attempt) {
        return List.copyOf(EVENTS.getOrDefault(name + "/" + subtask + "/" + attempt, List.of()));
    }

    @Override
    public SinkWriter<T> createWriter(io.spindle.api.connectors.SinkContext context) {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        EVENTS.put(name + "/" + context.subtaskIndex() + "/" + context.attemptNumber(), events);
        return new SinkWriter<>() {
            @Override
            public void write(T value) {
                events.add("write");
            }

            @Override
            public void prepareCommit(long checkpointId) throws InterruptedException {
                Thread.sleep(slowPrepareMillis);
                events.add("prepareCommit " + checkpointId);
            }

            @Override
            public void commit(long checkpointId) {
                events.add("commit " + checkpointId);
            }

            @Override
            public void endOfInput() {
                events.add("endOfInput");
            }
        };
    }
}
