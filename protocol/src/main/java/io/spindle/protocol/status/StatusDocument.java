package io.spindle.protocol.status;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The job as one job master attempt sees it: what {@code GET /status} answers, written by the job master and read by
 * the client, both through this record. Events are numbered by {@code seq} from 1 in each master attempt.
 *
 * @param attempt the job master attempt (the ApplicationMaster attempt on YARN)
 * @param firstRecordMillis when a task of the first deployment received its first record, if one did
 * @param recoveryMillis per restart of this master attempt, from the failure to the first record after it
 * @param waiting the workers the job master is waiting for, while it waits
 */
public record StatusDocument(String application, int attempt, String job, String state, int restarts,
                             List<Task> tasks, List<Container> containers, Checkpoints checkpoints,
                             List<Savepoint> savepoints, Optional<String> failure, List<Event> events,
                             Optional<Long> firstRecordMillis, List<Long> recoveryMillis,
                             Optional<Waiting> waiting) {

    public StatusDocument {
        tasks = List.copyOf(tasks);
        containers = List.copyOf(containers);
        savepoints = List.copyOf(savepoints);
        events = List.copyOf(events);
        recoveryMillis = List.copyOf(recoveryMillis);
    }

    public record Task(String name, int subtask, String worker, String state) { }

    /** A worker container; {@code logs} is where a person reads its logs while it runs, empty if nowhere. */
    public record Container(String id, String host, String state, String logs) { }

    /**
     * {@code latest} is empty until a checkpoint completes; {@code summary} is of the checkpoints this master attempt
     * completed, empty until one did.
     */
    public record Checkpoints(long completed, long failed, Optional<Checkpoint> latest,
                              Optional<CheckpointSummary> summary) { }

    public record Checkpoint(long id, String path, long stateBytes, long incrementalBytes, long durationMs) { }

    /**
     * A savepoint request: IN_PROGRESS, then COMPLETED with its path or FAILED with why. A completed savepoint that
     * was to stop the job has a failure too if the job did not stop.
     */
    public record Savepoint(int request, String state, Optional<String> path, Optional<String> failure) { }

    /**
     * Workers the job master asked the cluster for and was not given yet: {@code missing} of the {@code needed}, of
     * {@code workerMemoryMb} each, for {@code waitedMillis} so far. {@code freeMemoryMb} is the memory the cluster
     * would still grant the application, in {@code queue}, when the cluster said.
     */
    public record Waiting(int missing, int needed, long workerMemoryMb, long waitedMillis,
                          Optional<Long> freeMemoryMb, Optional<String> queue) {

        /** "waiting for 1 of 2 workers of 1728 MiB for 40 s; the cluster has 768 MiB free in queue default". */
        public String message() {
            return "waiting for " + missing + " of " + needed + " worker" + (needed == 1 ? "" : "s") + " of "
                    + workerMemoryMb + " MiB for " + waitedMillis / 1000 + " s" + freeMemoryMb.map(free ->
                    "; the cluster has " + free + " MiB free" + queue.map(name -> " in queue " + name).orElse(""))
                    .orElse("");
        }
    }

    /** A lifecycle event: one line for people, its kind for tools. */
    public record Event(long seq, Instant time, EventKind kind, String message) { }

    /** What a lifecycle event is about. */
    public enum EventKind {
        /** The job master attempt started and asked for its workers. */
        STARTED,
        CONTAINER_STARTED,
        CONTAINER_ENDED,
        WORKER_LOST,
        /** An attempt's subtasks were deployed to its workers. */
        DEPLOYED,
        /** A task of the attempt received its first record: the attempt is processing. */
        PROCESSING,
        CHECKPOINT_COMPLETED,
        RESTARTING,
        /** The job master is still waiting for workers the cluster has not granted. */
        WAITING,
        SAVEPOINT_REQUESTED,
        SAVEPOINT_COMPLETED,
        SAVEPOINT_FAILED,
        CANCELLING,
        /** The job ended for good: finished, failed, cancelled or stopped. */
        ENDED,
        /** This job master attempt ended while the job goes on under another. */
        ABANDONED
    }

    /** The savepoint request of that number, if the job master knows it. */
    public Optional<Savepoint> savepoint(int request) {
        return savepoints.stream().filter(savepoint -> savepoint.request() == request).findFirst();
    }

    /** The newest event of that kind with a sequence number above {@code afterSeq}. */
    public Optional<Event> event(EventKind kind, long afterSeq) {
        return events.stream().filter(event -> event.kind() == kind && event.seq() > afterSeq)
                .reduce((first, second) -> second);
    }

    /** The document as JSON. */
    public String toJson() {
        try {
            return JSON.std.asString(toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("maps of strings and numbers always write", e);
        }
    }

    /** The document as JSON-ready maps, lists, strings and numbers; absent values are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("application", application);
        document.put("attempt", attempt);
        document.put("job", job);
        document.put("state", state);
        document.put("restarts", restarts);
        document.put("tasks", tasks.stream().map(task -> map("name", task.name(), "subtask", task.subtask(),
                "worker", task.worker(), "state", task.state())).toList());
        document.put("containers", containers.stream().map(container -> map("id", container.id(),
                "host", container.host(), "state", container.state(), "logs", container.logs())).toList());
        Map<String, Object> checkpointsMap = map("completed", checkpoints.completed(), "failed", checkpoints.failed());
        checkpoints.latest().ifPresent(latest -> checkpointsMap.put("latest", map("id", latest.id(),
                "path", latest.path(), "state_bytes", latest.stateBytes(),
                "incremental_bytes", latest.incrementalBytes(), "duration_ms", latest.durationMs())));
        checkpoints.summary().ifPresent(summary -> checkpointsMap.put("summary", map(
                "duration_ms_p50", summary.durationMillisP50(), "duration_ms_max", summary.durationMillisMax(),
                "incremental_bytes_p50", summary.incrementalBytesP50())));
        document.put("checkpoints", checkpointsMap);
        document.put("savepoints", savepoints.stream().map(savepoint -> {
            Map<String, Object> entry = map("request", savepoint.request(), "state", savepoint.state());
            savepoint.path().ifPresent(path -> entry.put("path", path));
            savepoint.failure().ifPresent(reason -> entry.put("failure", reason));
            return entry;
        }).toList());
        failure.ifPresent(reason -> document.put("failure", reason));
        document.put("events", events.stream().map(event -> map("seq", event.seq(),
                "time_ms", event.time().toEpochMilli(), "kind", event.kind().name().toLowerCase(Locale.ROOT),
                "message", event.message())).toList());
        firstRecordMillis.ifPresent(time -> document.put("first_record_ms", time));
        document.put("recovery_ms", recoveryMillis);
        waiting.ifPresent(workers -> {
            Map<String, Object> entry = map("missing", workers.missing(), "needed", workers.needed(),
                    "worker_memory_mb", workers.workerMemoryMb(), "waited_ms", workers.waitedMillis());
            workers.freeMemoryMb().ifPresent(free -> entry.put("free_memory_mb", free));
            workers.queue().ifPresent(queue -> entry.put("queue", queue));
            entry.put("message", workers.message());
            document.put("waiting", entry);
        });
        return document;
    }

    /** @throws IllegalArgumentException naming the first field that is missing or of the wrong type */
    public static StatusDocument parse(String json) {
        JsonObject document = JsonObject.parse(json);
        JsonObject checkpoints = document.object("checkpoints");
        return new StatusDocument(document.text("application"), document.integer("attempt"), document.text("job"),
                document.text("state"), document.integer("restarts"),
                document.objects("tasks").stream().map(task -> new Task(task.text("name"), task.integer("subtask"),
                        task.text("worker"), task.text("state"))).toList(),
                document.objects("containers").stream().map(container -> new Container(container.text("id"),
                        container.text("host"), container.text("state"), container.optionalText("logs").orElse("")))
                        .toList(),
                new Checkpoints(checkpoints.number("completed"), checkpoints.number("failed"),
                        checkpoints.optionalObject("latest").map(latest -> new Checkpoint(latest.number("id"),
                                latest.text("path"), latest.number("state_bytes"), latest.number("incremental_bytes"),
                                latest.number("duration_ms"))),
                        checkpoints.optionalObject("summary").map(summary -> new CheckpointSummary(
                                summary.number("duration_ms_p50"), summary.number("duration_ms_max"),
                                summary.number("incremental_bytes_p50")))),
                document.objects("savepoints").stream().map(savepoint -> new Savepoint(savepoint.integer("request"),
                        savepoint.text("state"), savepoint.optionalText("path"), savepoint.optionalText("failure")))
                        .toList(),
                document.optionalText("failure"),
                document.objects("events").stream().map(event -> new Event(event.number("seq"),
                        Instant.ofEpochMilli(event.number("time_ms")), kind(event), event.text("message"))).toList(),
                document.optionalNumber("first_record_ms"), document.numbers("recovery_ms"),
                document.optionalObject("waiting").map(waiting -> new Waiting(waiting.integer("missing"),
                        waiting.integer("needed"), waiting.number("worker_memory_mb"), waiting.number("waited_ms"),
                        waiting.optionalNumber("free_memory_mb"), waiting.optionalText("queue"))));
    }

    private static EventKind kind(JsonObject event) {
        String kind = event.text("kind");
        try {
            return EventKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown event kind '" + kind + "'", e);
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
