package io.spindle.protocol.status;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.protocol.status.StatusDocument.Checkpoint;
import io.spindle.protocol.status.StatusDocument.Checkpoints;
import io.spindle.protocol.status.StatusDocument.Container;
import io.spindle.protocol.status.StatusDocument.Event;
import io.spindle.protocol.status.StatusDocument.EventKind;
import io.spindle.protocol.status.StatusDocument.Savepoint;
import io.spindle.protocol.status.StatusDocument.Task;
import io.spindle.protocol.status.StatusDocument.Waiting;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusDocumentTest {

    private static final String WORKER = "container_1700000000000_0001_01_000002";

    private static final StatusDocument RUNNING = new StatusDocument("application_1700000000000_0001", 2,
            "KeyedCounts", "RUNNING", 1, List.of(new Task("count", 0, WORKER, "RUNNING")),
            List.of(new Container(WORKER, "localhost", "RUNNING", "http://localhost:8042/node/containerlogs/" + WORKER + "/spindle")),
            new Checkpoints(12, 0, Optional.of(new Checkpoint(12, "hdfs://nn/checkpoints/job/chk-12", 5_000_000_000L,
                    10, 200)), Optional.of(new CheckpointSummary(150, 900, 2048))),
            List.of(new Savepoint(1, "COMPLETED", Optional.of("hdfs://nn/savepoints/savepoint-applic-0123456789ab"),
                    Optional.empty())),
            Optional.empty(),
            List.of(new Event(1, Instant.ofEpochMilli(1_700_000_000_000L), EventKind.CONTAINER_STARTED,
                    "container " + WORKER + " started on localhost"),
                    new Event(2, Instant.ofEpochMilli(1_700_000_001_000L), EventKind.CHECKPOINT_COMPLETED,
                            "checkpoint 12 completed")),
            Optional.of(1_700_000_000_500L), List.of(4_000L), Optional.empty());

    @Test
    void whatTheJobMasterWritesTheClientReadsBackField() {
        assertThat(StatusDocument.parse(RUNNING.toJson())).isEqualTo(RUNNING);
    }

    @Test
    void absentLatestCheckpointSummaryAndFailureReadBackAbsent() {
        StatusDocument bare = new StatusDocument("application_1700000000000_0001", 1, "KeyedCounts", "RESTARTING", 0,
                List.of(), List.of(), new Checkpoints(0, 3, Optional.empty(), Optional.empty()), List.of(),
                Optional.of("job failed: operator 'count' threw java.lang.IllegalStateException: boom"), List.of(),
                Optional.empty(), List.of(), Optional.empty());

        assertThat(StatusDocument.parse(bare.toJson())).isEqualTo(bare);
    }

    @Test
    void whatTheJobMasterWaitsForReadsBackWithItsMessage() throws IOException {
        StatusDocument waiting = new StatusDocument("application_1700000000000_0001", 1, "KeyedCounts", "CREATED", 0,
                List.of(), List.of(), new Checkpoints(0, 0, Optional.empty(), Optional.empty()), List.of(),
                Optional.empty(), List.of(), Optional.empty(), List.of(),
                Optional.of(new Waiting(1, 2, 1728, 40_500, Optional.of(768L), Optional.of("default"))));

        assertThat(StatusDocument.parse(waiting.toJson())).isEqualTo(waiting);
        assertThat(JSON.std.mapFrom(waiting.toJson())).extractingByKey("waiting")
                .asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("message",
                        "waiting for 1 of 2 workers of 1728 MiB for 40 s; the cluster has 768 MiB free in queue default");
    }

    @Test
    void aWaitWhoseFreeMemoryIsUnknownSaysNothingOfTheCluster() {
        assertThat(new Waiting(1, 1, 512, 5_000, Optional.empty(), Optional.of("default")).message())
                .isEqualTo("waiting for 1 of 1 worker of 512 MiB for 5 s");
    }

    @Test
    void eventsAreFoundByKindNotByTheirWords() {
        assertThat(RUNNING.event(EventKind.CHECKPOINT_COMPLETED, 0)).map(Event::seq).hasValue(2L);
        assertThat(RUNNING.event(EventKind.CHECKPOINT_COMPLETED, 2)).isEmpty();
    }

    @Test
    void namesTheFieldThatIsMissingOrOfTheWrongType() throws IOException {
        Map<String, Object> withoutJob = RUNNING.toMap();
        withoutJob.remove("job");
        Map<String, Object> textSubtask = RUNNING.toMap();
        textSubtask.put("tasks", List.of(Map.of("name", "count", "subtask", "zero", "worker", WORKER, "state", "RUNNING")));

        assertThatThrownBy(() -> StatusDocument.parse(JSON.std.asString(withoutJob))).hasMessage("'job' is missing");
        assertThatThrownBy(() -> StatusDocument.parse(JSON.std.asString(textSubtask)))
                .hasMessage("tasks[0].subtask is not a number: zero");
        assertThatThrownBy(() -> StatusDocument.parse("[1, 2]")).hasMessageStartingWith("not a JSON object");
    }
}
