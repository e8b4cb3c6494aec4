package io.spindle.client.cli;

import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    /** Far longer than any job here takes: reaching it means a hang. */
    private static final long COMMAND_TIMEOUT_MINUTES = 2;

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

    /** Sets a parallelism of 0 in its code. */
    public static final class ZeroParallelismJob implements SpindleJob {
        @Override
        public void define(JobBuilder job, JobParams params) {
            job.configure("parallelism.default", "0");
            job.source("numbers", Sources.generator(10, i -> i, Codecs.LONG)).sink("out", Sinks.discard());
        }
    }

    /** Writes the numbers 0 .. 9 as text files into --output. */
    public static final class TextOutputJob implements SpindleJob {
        @Override
        public void define(JobBuilder job, JobParams params) {
            job.source("numbers", Sources.generator(10, i -> i, Codecs.LONG))
                    .sink("out", Sinks.textFiles(params.required("output")));
        }
    }

    /** Not a job. */
    public static final class NotAJob { }

    /** Runs the command, which may run a job to its end, on a thread of its own and waits for it a bounded time. */
    private int spindle(String... args) throws IOException {
        Files.createDirectories(work.resolve("conf"));
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SPINDLE_CONF_DIR", work.resolve("conf").toString()), work);
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(
                () -> new SpindleCli(Commands.all(), context).run(args), command -> {
                    Thread thread = new Thread(command, "spindle " + String.join(" ", args));
                    thread.setDaemon(true);
                    thread.start();
                });
        try {
            return exitCode.get(COMMAND_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            throw new AssertionError("spindle " + String.join(" ", args) + " did not end within "
                    + COMMAND_TIMEOUT_MINUTES + " minutes", e);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("spindle " + String.join(" ", args) + " failed", e);
        }
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
    void anOutputPathThatIsAFileIsBadInputNamingTheSinkBeforeTheJobStarts() throws IOException {
        Path file = Files.writeString(work.resolve("report.txt"), "not a directory");

        assertThat(spindle("run", "-t", "local", jar(TextOutputJob.class.getName()), "--output", file.toString()))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle run: sink 'out': output path " + file + " is a file; give a directory\n");
        assertThat(file).hasContent("not a directory");
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

    /** config --check, config, run -t local and run on YARN go through one check; the run ones before anything runs. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "taskmanager.memory.process.size=0 | taskmanager.memory.process.size: must be at least 128 mb, got '0'",
            "jobmanager.memory.process.size=0 | jobmanager.memory.process.size: must be at least 128 mb, got '0'",
            "state.backend.rocksdb.memory.managed-size=0 | state.backend.rocksdb.memory.managed-size: must be at least "
                    + "1 mb, got '0'",
            "parallelism.default=0 | parallelism.default: must be at least 1, got '0'",
            "taskmanager.numberOfTaskSlots=0 | taskmanager.numberOfTaskSlots: must be at least 1, got '0'",
            "yarn.application-attempts=0 | yarn.application-attempts: must be at least 1, got '0'",
            "slot.request.timeout=0 | slot.request.timeout: must be at least 1 ms, got '0'",
            "slot.request.timeout=soon | slot.request.timeout: 'soon' is not a duration (use ms, s, min, h or d, e.g. "
                    + "'10 s')",
            "pipeline.max-parallelism=0 | pipeline.max-parallelism: must be between 1 and 32768, got '0'",
            "pipeline.max-parallelism=32769 | pipeline.max-parallelism: must be between 1 and 32768, got '32769'",
            "parallelism.default=129 | parallelism.default: 129 is more than pipeline.max-parallelism 128"})
    void anOutOfRangeValueIsTheSameLineOfBadInputForConfigCheckConfigAndRun(String property, String problem)
            throws IOException {
        String error = "-D: error: " + problem;
        String jar = jar(CountingJob.class.getName());

        assertThat(spindle("config", "--check", "-D", property)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(error + "\n");
        for (String[] command : List.of(new String[] {"config", "-D", property},
                new String[] {"run", "-t", "local", "-D", property, jar, "--records", "10"},
                new String[] {"run", "-D", property, jar, "--records", "10"})) {
            err.reset();
            assertThat(spindle(command)).as(command[0]).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(err()).isEqualTo("spindle " + command[0] + ": " + error + "\n");
        }
    }

    @Test
    void anOutOfRangeValueInTheJobsCodeIsBadInputBeforeTheJobStarts() throws IOException {
        assertThat(spindle("run", "-t", "local", jar(ZeroParallelismJob.class.getName()))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle run: job code: error: parallelism.default: must be at least 1, got '0'\n");
    }

    @Test
    void aJobArgumentWithoutItsValueIsBadInputNamingIt() throws IOException {
        assertThat(spindle("run", "-t", "local", jar(CountingJob.class.getName()), "--records"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle run: job argument --records is given without a value\n");
    }

    @Test
    void anEmptySavepointPathIsBadInputNamingIt() throws IOException {
        assertThat(spindle("run", "-t", "local", "-s", "", jar(CountingJob.class.getName()), "--records", "10"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle run: -D: error: execution.state-recovery.path: must be non-empty, got ''\n");
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
