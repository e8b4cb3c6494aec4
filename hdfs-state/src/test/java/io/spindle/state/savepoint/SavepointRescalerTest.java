package io.spindle.state.savepoint;

import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CompletedCheckpoint;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavepointRescalerTest {

    @TempDir
    Path tempDir;

    private SavepointTesting testing;

    @BeforeEach
    void setUp() {
        testing = new SavepointTesting(tempDir);
    }

    @AfterEach
    void tearDown() throws Exception {
        testing.close();
    }

    private String out() {
        return tempDir.resolve("resharded").toUri().toString();
    }

    @Test
    void aCanonicalSavepointReshardedToAnotherMaxParallelismRestoresEveryKeyThere() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.CANONICAL, 3);

        CompletedCheckpoint resharded = SavepointRescaler.rescale(savepoint.directory(), out(), 64, testing.hadoop());

        OperatorState keyed = resharded.metadata().operator(SavepointTesting.KEYED_OPERATOR).orElseThrow();
        assertThat(keyed.maxParallelism()).isEqualTo(64);
        assertThat(keyed.parallelism()).isEqualTo(3);
        assertThat(SavepointVerifier.verify(resharded, testing.hadoop())).isEmpty();
        testing.assertEveryKeyRestores(resharded);
    }

    @Test
    void theParallelismIsCappedAtTheNewMaxParallelismKeepingEveryListStateEntry() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.CANONICAL, 3);

        CompletedCheckpoint resharded = SavepointRescaler.rescale(savepoint.directory(), out(), 2, testing.hadoop());

        OperatorState source = resharded.metadata().operator("source").orElseThrow();
        assertThat(source.parallelism()).isEqualTo(2);
        assertThat(source.subtasks().stream().mapToInt(s -> s.operatorListState().get("offsets").size()).sum())
                .isEqualTo(3);
        assertThat(resharded.metadata().operator(SavepointTesting.KEYED_OPERATOR).orElseThrow().subtasks())
                .extracting(OperatorSubtaskState::subtaskIndex).containsExactly(0, 1);
        testing.assertEveryKeyRestores(resharded);
    }

    @Test
    void aNativeSavepointIsNotReshardedAndNothingIsWritten() throws IOException {
        CompletedCheckpoint savepoint = testing.savepoint(SavepointFormat.NATIVE, 1);

        assertThatThrownBy(() -> SavepointRescaler.rescale(savepoint.directory(), out(), 64, testing.hadoop()))
                .isInstanceOf(IOException.class).hasMessageContaining("native savepoint");
        assertThat(tempDir.resolve("resharded")).doesNotExist();
    }
}
