package io.spindle.master.cluster;

import io.spindle.core.text.FirstLine;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.protocol.status.StatusDocument.EventKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The savepoint requests of one job master attempt and how each went, for the status document and the requesters;
 * and which one is stopping the job. Numbers are handed out on any thread, the rest happens on the job master's loop.
 */
final class SavepointRequests {

    private static final class Entry {
        private final SavepointTicket ticket;
        private String state = "IN_PROGRESS";
        private String path;
        private String failure;

        Entry(SavepointTicket ticket) {
            this.ticket = ticket;
        }
    }

    private final EventJournal events;
    private final AtomicInteger numbers = new AtomicInteger();
    private final Map<Integer, Entry> entries = new TreeMap<>();
    /** The completed request whose savepoint stops the job, while its tasks end. */
    private Entry stopping;

    SavepointRequests(EventJournal events) {
        this.events = events;
    }

    /** A new request; any thread. */
    SavepointTicket next() {
        return new SavepointTicket(numbers.incrementAndGet(), new CompletableFuture<>());
    }

    void started(SavepointTicket ticket, String directory) {
        entries.put(ticket.request(), new Entry(ticket));
        events.add(EventKind.SAVEPOINT_REQUESTED, "savepoint " + ticket.request() + " requested"
                + (directory == null ? "" : " into " + directory));
    }

    /** The cause on one line: an HDFS error's message carries the NameNode's stack trace after it. */
    void failed(SavepointTicket ticket, String reason) {
        Entry entry = entries.computeIfAbsent(ticket.request(), request -> new Entry(ticket));
        entry.state = "FAILED";
        entry.failure = FirstLine.of(reason);
        events.add(EventKind.SAVEPOINT_FAILED, "savepoint " + ticket.request() + " failed: " + entry.failure);
        ticket.path().completeExceptionally(new IllegalStateException(entry.failure));
    }

    void completed(SavepointTicket ticket, String path, boolean stopsTheJob) {
        Entry entry = entries.get(ticket.request());
        entry.state = "COMPLETED";
        entry.path = path;
        if (stopsTheJob) {
            stopping = entry;
        }
        events.add(EventKind.SAVEPOINT_COMPLETED, "savepoint " + ticket.request() + " completed: " + path);
        ticket.path().complete(path);
    }

    /** The savepoint the job is being stopped with, once it completed. */
    Optional<String> stoppedWith() {
        return Optional.ofNullable(stopping).map(entry -> entry.path);
    }

    /** A task failed before the stopped job ended: a restart resumes from the savepoint, the job did not stop. */
    void didNotStop(String cause) {
        if (stopping != null) {
            stopping.failure = "the job did not stop: " + FirstLine.of(cause) + "; a restart resumes from this savepoint";
            events.add(EventKind.SAVEPOINT_FAILED, "savepoint " + stopping.ticket.request() + ": " + stopping.failure);
            stopping = null;
        }
    }

    List<StatusDocument.Savepoint> status() {
        return entries.values().stream().map(entry -> new StatusDocument.Savepoint(entry.ticket.request(),
                entry.state, Optional.ofNullable(entry.path), Optional.ofNullable(entry.failure))).toList();
    }
}
