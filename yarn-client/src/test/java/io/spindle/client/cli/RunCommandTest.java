package io.spindle.client.cli;

import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Counts to --records and fails at --fail-at, if given. */
    public static final class CountingJob implements SpindleJob {
        @Override
        public void define(JobBuilder job, JobParams params) {
            long records = params.requiredLong("records");
            long failAt = params.getLong("fail-at", -1);
            job.source("numbers", Sources.generator(records, i -> i, Codecs.LONG))
                    .map("check", i -> {
                        if (i == failAt) {
                            throw new IllegalArgumentException("record " + i + " is bad");
                        }
                        return i;
                    }, Codecs.LONG)
                    .sink("out", Sinks.discard());
        }
    }

    /** Not a job. */
    public static final class NotAJob { }

    private int spindle(String... args) throws IOException {
        Files.createDirectories(work.resolve("conf"));
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SPINDLE_CONF_DIR", work.resolve("conf").toString()), work);
        return new SpindleCli(Commands.all(), context).run(args);
    }

    /** A jar with only a manifest: the classes come from the test class path, its parent loader. */
    private String jar(String jobClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (jobClass != null) {
            manifest.getMainAttributes().putValue("Spindle-Job-Class", jobClass);
        }
        Path jar = work.resolve("job-" + System.nanoTime() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            return jar.toString();
        }
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void localJobRunsToTheEndAndExitsZero() throws IOException {
        assertThat(spindle("run", "-t", "local", "-p", "2", jar(CountingJob.class.getName()), "--records", "1000"))
                .isEqualTo(ExitCode.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("job CountingJob finished in ");
    }

    @Test
    void failingJobExitsOneNamingTheOperatorAndCause() throws IOException {
        assertThat(spindle("run", "-t", "local", jar(CountingJob.class.getName()), "--records", "1000",
                "--fail-at", "10")).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(err()).isEqualTo("spindle run: job failed: operator 'check' threw "
                + "java.lang.IllegalArgumentException: record 10 is bad\n");
    }

    @Test
    void missingJobArgumentIsBadInputNamingIt() throws IOException {
        assertThat(spindle("run", "-t", "local", jar(CountingJob.class.getName()))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle run: missing job argument --records\n");
    }

    @Test
    void illTypedJobArgumentIsBadInputNamingIt() throws IOException {
        assertThat(spindle("run", "-t", "local", jar(CountingJob.class.getName()), "--records", "many"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle run: job argument --records: 'many' is not a whole number\n");
    }

    @Test
    void missingJarIsBadInput() throws IOException {
        assertThat(spindle("run", "-t", "local", work.resolve("nope.jar").toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("nope.jar does not exist or cannot be read");
    }

    @Test
    void jarWithoutJobClassIsBadInput() throws IOException {
        assertThat(spindle("run", "-t", "local", jar(null))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("no job class: give -c <class>");
    }

    @Test
    void classThatIsNotAJobIsBadInput() throws IOException {
        assertThat(spindle("run", "-t", "local", "-c", NotAJob.class.getName(), jar(null)))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("does not implement io.spindle.api.SpindleJob");
    }

    @Test
    void invalidConfigurationIsBadInputBeforeTheJobStarts() throws IOException {
        assertThat(spindle("run", "-t", "local", "-D", "parallelism.default=two", jar(CountingJob.class.getName()),
                "--records", "10")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle run: -D: error: parallelism.default: 'two' is not a whole number\n");
    }

    @Test
    void restoringFromAMissingPathIsBadInputNamingIt() throws IOException {
        String missing = work.resolve("no-such-savepoint").toString();

        assertThat(spindle("run", "-t", "local", "-s", missing, jar(CountingJob.class.getName()), "--records", "10"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle run: cannot restore from " + missing + ": no checkpoint or savepoint at "
                + missing + "\n");
    }

    @Test
    void restoringFromADirectoryWithoutMetadataIsBadInput() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty-savepoint"));

        assertThat(spindle("run", "-t", "local", "-s", empty.toString(), jar(CountingJob.class.getName()),
                "--records", "10")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).startsWith("spindle run: cannot restore from " + empty + ": cannot find the metadata file")
                .doesNotContain("\tat ");
    }
}
