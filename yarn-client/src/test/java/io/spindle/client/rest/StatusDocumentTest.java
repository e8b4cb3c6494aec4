package io.spindle.client.rest;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.client.rest.StatusDocument.Checkpoint;
import io.spindle.client.rest.StatusDocument.Container;
import io.spindle.client.rest.StatusDocument.Event;
import io.spindle.client.rest.StatusDocument.Task;
import io.spindle.master.checkpoint.CheckpointSummary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.spindle.client.rest.TestingStatusDocuments.APPLICATION;
import static io.spindle.client.rest.TestingStatusDocuments.WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusDocumentTest {

    private static StatusDocument parse(Map<String, Object> document) throws IOException {
        return StatusDocument.parse(JSON.std.asString(document));
    }

    @Test
    void readsEveryFieldOfTheDocument() throws IOException {
        StatusDocument status = parse(TestingStatusDocuments.running(2));

        assertThat(status.application()).isEqualTo(APPLICATION);
        assertThat(status.attempt()).isEqualTo(2);
        assertThat(status.job()).isEqualTo("KeyedCounts");
        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.restarts()).isEqualTo(1);
        assertThat(status.tasks()).containsExactly(new Task("count", 0, WORKER, "RUNNING"));
        assertThat(status.containers()).containsExactly(new Container(WORKER, "localhost", "RUNNING"));
        assertThat(status.checkpoints().completed()).isEqualTo(12);
        assertThat(status.checkpoints().latest())
                .hasValue(new Checkpoint(12, "hdfs://nn/checkpoints/job/chk-12", 5_000_000_000L, 10, 200));
        assertThat(status.checkpoints().summary()).hasValue(new CheckpointSummary(150, 900, 2048));
        assertThat(status.failure()).isEmpty();
        assertThat(status.events()).first()
                .isEqualTo(new Event(1, Instant.ofEpochMilli(1_700_000_000_000L), "container " + WORKER + " started on localhost"));
    }

    @Test
    void latestCheckpointAndFailureAreOptional() throws IOException {
        Map<String, Object> document = TestingStatusDocuments.running(1);
        document.put("checkpoints", Map.of("completed", 0, "failed", 3));
        document.put("failure", "job failed: operator 'count' threw java.lang.IllegalStateException: boom");

        StatusDocument status = parse(document);

        assertThat(status.checkpoints().latest()).isEmpty();
        assertThat(status.checkpoints().summary()).isEmpty();
        assertThat(status.failure()).hasValue("job failed: operator 'count' threw java.lang.IllegalStateException: boom");
    }

    @Test
    void namesTheFieldThatIsMissingOrOfTheWrongType() throws IOException {
        Map<String, Object> withoutJob = TestingStatusDocuments.running(1);
        withoutJob.remove("job");
        Map<String, Object> textSubtask = TestingStatusDocuments.running(1);
        textSubtask.put("tasks", List.of(Map.of("name", "count", "subtask", "zero", "worker", WORKER, "state", "RUNNING")));

        assertThatThrownBy(() -> parse(withoutJob)).hasMessage("'job' is missing");
        assertThatThrownBy(() -> parse(textSubtask)).hasMessage("tasks[0].subtask is not a number: zero");
        assertThatThrownBy(() -> StatusDocument.parse("[1, 2]")).hasMessageStartingWith("not a JSON object");
    }
}
