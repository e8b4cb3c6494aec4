package io.spindle.connectors.kafka;

import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkContext;
import io.spindle.api.connectors.SinkWriter;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps every record its writers get, under a name: the job is built anew for each subtask, so the list is static. */
final class CollectingSink<T> implements Sink<T> {

    private static final Map<String, Queue<Object>> RECORDS = new ConcurrentHashMap<>();

    private final String name;

    CollectingSink(String name) {
        this.name = name;
        RECORDS.putIfAbsent(name, new ConcurrentLinkedQueue<>());
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> records(String name) {
        return (List<T>) List.copyOf(RECORDS.getOrDefault(name, new ConcurrentLinkedQueue<>()));
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        Queue<Object> records = RECORDS.get(name);
        return records::add;
    }
}
