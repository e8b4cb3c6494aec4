package io.spindle.client.rest;

import io.spindle.master.checkpoint.CheckpointSummary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ApplicationMaster's answer to {@code GET /status}: the job as this AM attempt sees it. Events
 * are numbered by {@code seq} from 1 in each attempt.
 */
public record StatusDocument(String application, int attempt, String job, String state, int restarts,
                             List<Task> tasks, List<Container> containers, Checkpoints checkpoints,
                             List<Savepoint> savepoints, Optional<String> failure, List<Event> events) {

    public record Task(String name, int subtask, String worker, String state) { }

    public record Container(String id, String host, String state) { }

    /**
     * {@code latest} is empty until a checkpoint completes; {@code summary} is of the checkpoints this master attempt
     * completed, empty until one did.
     */
    public record Checkpoints(long completed, long failed, Optional<Checkpoint> latest,
                              Optional<CheckpointSummary> summary) { }

    public record Checkpoint(long id, String path, long stateBytes, long incrementalBytes, long durationMs) { }

    /** A savepoint request: IN_PROGRESS, then COMPLETED with its path or FAILED with why. */
    public record Savepoint(int request, String state, Optional<String> path, Optional<String> failure) { }

    public record Event(long seq, Instant time, String message) { }

    /** The savepoint request of that number, if the AM knows it. */
    public Optional<Savepoint> savepoint(int request) {
        return savepoints.stream().filter(savepoint -> savepoint.request() == request).findFirst();
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
                        container.text("host"), container.text("state"))).toList(),
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
                        Instant.ofEpochMilli(event.number("time_ms")), event.text("message"))).toList());
    }
}
