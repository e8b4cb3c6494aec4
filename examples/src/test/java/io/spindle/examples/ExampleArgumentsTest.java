package io.spindle.examples;

import io.spindle.api.JobParameterException;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.core.config.Configuration;
import io.spindle.core.graph.JobGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example jobs reject arguments they cannot run with in define, before anything starts, naming the argument. */
class ExampleArgumentsTest {

    @TempDir
    Path work;

    /** Builds the job's graph as spindle run does before it starts anything. */
    private static void define(SpindleJob job, String... args) {
        JobGraphs.build(job, JobParams.fromArgs(List.of(args)), Configuration.fromMap(Map.of()));
    }

    @Test
    void aNegativeRecordCountIsRejected() {
        assertThatThrownBy(() -> define(new KeyedCounts(), "--records", "-5"))
                .isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --records must be at least 0, got -5");
    }

    @Test
    void aWeightOfZeroIsRejected() {
        assertThatThrownBy(() -> define(new KeyedCounts(), "--records", "10", "--weight", "0"))
                .isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --weight must be at least 1, got 0");
    }

    @Test
    void aFlagFollowedByAnotherFlagIsRejectedAsHavingNoValue() {
        assertThatThrownBy(() -> define(new KeyedCounts(), "--keys", "--records", "10"))
                .isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --keys is given without a value");
    }

    @Test
    void aFlagGivenLastIsRejectedAsHavingNoValue() {
        assertThatThrownBy(() -> define(new KeyedCounts(), "--records", "10", "--keys"))
                .isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --keys is given without a value");
    }

    @Test
    void aRateOfZeroIsRejectedNotTakenAsUnlimited() {
        assertThatThrownBy(() -> define(new Sequence(), "--records", "10", "--rate", "0", "--output",
                work.resolve("out").toString()))
                .isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --rate must be more than 0 records/s (leave it out for no limit), got 0");
    }

    @Test
    void aJobWithoutARateRunsUnlimited() {
        assertThatCode(() -> define(new Sequence(), "--records", "10", "--output", work.resolve("out").toString()))
                .doesNotThrowAnyException();
    }

    @Test
    void anEmptyInputIsRejected() {
        assertThatThrownBy(() -> define(new WordCount(), "--input", "", "--output", work.resolve("out").toString()))
                .isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --input is an empty path");
    }

    @Test
    void anInputThatDoesNotExistIsRejected() {
        Path missing = work.resolve("no-such-text");

        assertThatThrownBy(() -> define(new WordCount(), "--input", missing.toString(), "--output",
                work.resolve("out").toString()))
                .isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --input: " + missing + " does not exist");
    }

    @Test
    void anInputFileUriThatDoesNotExistIsRejected() {
        String missing = work.resolve("no-such-text").toUri().toString();

        assertThatThrownBy(() -> define(new WordCount(), "--input", missing, "--output", work.resolve("out").toString()))
                .isInstanceOf(JobParameterException.class)
                .hasMessage("job argument --input: " + missing + " does not exist");
    }

    @Test
    void anInputThatExistsIsAccepted() throws IOException {
        Path text = Files.writeString(work.resolve("text"), "a b\n");

        assertThatCode(() -> define(new WordCount(), "--input", text.toUri().toString(), "--output",
                work.resolve("out").toString())).doesNotThrowAnyException();
    }
}
