package io.spindle.client.yarn;

import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.Event;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of successive status documents as {@code HH:mm:ss <message>} lines, each event once
 * however often it is polled. An event is known by (AM attempt, seq): each attempt numbers its own
 * from 1, in order, so remembering the highest seq seen per attempt is enough.
 */
final class NewEvents {

    private final DateTimeFormatter time;
    private final Map<Integer, Long> highestSeqByAttempt = new HashMap<>();

    NewEvents(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    /** The lines of the events in {@code document} not returned before, oldest first. */
    List<String> lines(StatusDocument document) {
        long highestSeen = highestSeqByAttempt.getOrDefault(document.attempt(), 0L);
        List<Event> fresh = document.events().stream().filter(event -> event.seq() > highestSeen)
                .sorted(Comparator.comparingLong(Event::seq)).toList();
        if (!fresh.isEmpty()) {
            highestSeqByAttempt.put(document.attempt(), fresh.get(fresh.size() - 1).seq());
        }
        return fresh.stream().map(event -> time.format(event.time()) + " " + event.message()).toList();
    }
}
