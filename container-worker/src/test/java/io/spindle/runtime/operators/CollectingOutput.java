package io.spindle.runtime.operators;

import io.spindle.api.OutputTag;
import io.spindle.runtime.io.ElementTimestamp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The end of a chain under test: logs what reaches it, records as themselves, the end of input as "endOfInput",
 * watermarks as "watermark <time>"; side outputs by tag name; with the chain's element timestamp, each record also as
 * "record@timestamp" (the timestamp the writers would send it with). */
final class CollectingOutput implements Output<Object> {

    final List<Object> received = new ArrayList<>();
    /** "record@timestamp" per record; empty without an element timestamp. */
    final List<String> stamped = new ArrayList<>();
    final Map<String, List<Object>> sideOutputs = new LinkedHashMap<>();
    private final ElementTimestamp timestamp;

    CollectingOutput() {
        this(null);
    }

    CollectingOutput(ElementTimestamp timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void collect(Object record) {
        received.add(record);
        if (timestamp != null) {
            stamped.add(record + "@" + timestamp.get());
        }
    }

    @Override
    public <X> void collectSide(OutputTag<X> tag, X record) {
        sideOutputs.computeIfAbsent(tag.name(), name -> new ArrayList<>()).add(record);
    }

    /** What reached the side output {@code name}, empty if nothing did. */
    List<Object> side(String name) {
        return sideOutputs.getOrDefault(name, List.of());
    }

    @Override
    public void endOfInput() {
        received.add("endOfInput");
    }

    @Override
    public void emitWatermark(long watermark) {
        received.add("watermark " + watermark);
    }
}
