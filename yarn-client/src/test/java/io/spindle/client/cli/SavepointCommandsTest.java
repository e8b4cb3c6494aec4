package io.spindle.client.cli;

import io.spindle.api.JobBuilder;
import io.spindle.api.JobParams;
import io.spindle.api.SpindleJob;
import io.spindle.api.Tuple2;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.Sinks;
import io.spindle.api.connectors.Sources;
import io.spindle.core.config.Configuration;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJob;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.storage.CheckpointStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline savepoint commands on real savepoints, taken once for the class from a job in this JVM. */
class SavepointCommandsTest {

    private static final long RECORDS = 20_000;
    private static final long KEYS = 100;
    /** Far longer than any job here takes: reaching it means a hang. */
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path shared;
    private static Path canonical;
    private static Path nativeSavepoint;

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Record i is (i mod --keys, 1); emits every key's running sum to --output. */
    public static final class SumPerKey implements SpindleJob {
        @Override
        public void define(JobBuilder job, JobParams params) {
            long keys = params.requiredLong("keys");
            job.source("numbers", Sources.generator(params.requiredLong("records"), i -> Tuple2.of(i % keys, 1L),
                            Codecs.tuple2(Codecs.LONG, Codecs.LONG), params.getDouble("rate", 0)))
                    .keyBy(Tuple2::f0, Codecs.LONG)
                    .reduce("sum", (a, b) -> Tuple2.of(a.f0(), a.f1() + b.f1()))
                    .sink("out", Sinks.textFiles(params.required("output"), p -> p.f0() + "\t" + p.f1()));
        }
    }

    /**
     * Runs the job slowly (10 s of input, so that both savepoints come long before its end), takes a native savepoint
     * while it runs, then stops it with a canonical one; its output, committed up to the canonical one, stays in
     * {@code shared/first}.
     */
    @BeforeAll
    static void takeSavepoints() throws Exception {
        LocalJob job = new LocalExecutor(configuration(2, 128, null)).start(new SumPerKey(),
                params(shared.resolve("first"), 2_000));
        Path checkpoints = shared.resolve("checkpoints");
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (!Files.exists(checkpoints) || CheckpointStorage.listCompleted(checkpoints.toUri().toString(),
                new org.apache.hadoop.conf.Configuration()).isEmpty()) {
            assertThat(System.nanoTime()).as("a completed checkpoint").isLessThan(deadline);
            Thread.sleep(20);
        }
        nativeSavepoint = Path.of(java.net.URI.create(job.triggerSavepoint(shared.resolve("native").toUri().toString(),
                SavepointFormat.NATIVE).get(60, TimeUnit.SECONDS)));
        canonical = Path.of(java.net.URI.create(job.stopWithSavepoint(shared.resolve("canonical").toUri().toString(),
                SavepointFormat.CANONICAL, false).get(60, TimeUnit.SECONDS)));
        await(job);
    }

    /** {@link LocalJob#await}, which waits for ever, within {@link #JOB_TIMEOUT}; cancels the job on the timeout. */
    private static JobResult await(LocalJob job) throws Exception {
        try {
            return job.await(JOB_TIMEOUT);
        } catch (TimeoutException e) {
            job.cancel();
            throw new AssertionError("the job did not end within " + JOB_TIMEOUT + "; cancelled it", e);
        }
    }

    private static Configuration configuration(int parallelism, int maxParallelism, String restorePath) {
        Map<String, String> settings = new HashMap<>(Map.of("parallelism.default", String.valueOf(parallelism),
                "pipeline.max-parallelism", String.valueOf(maxParallelism),
                "execution.checkpointing.interval", "100 ms",
                "execution.checkpointing.dir", shared.resolve("checkpoints").toUri().toString()));
        if (restorePath != null) {
            settings.put("execution.state-recovery.path", restorePath);
        }
        return Configuration.fromMap(settings);
    }

    /** The job's arguments without a rate limit: it runs as fast as it goes. */
    private static JobParams params(Path output) {
        return JobParams.of(Map.of("records", String.valueOf(RECORDS), "keys", String.valueOf(KEYS),
                "output", output.toString()));
    }

    private static JobParams params(Path output, long rate) {
        Map<String, String> arguments = new HashMap<>(params(output).toMap());
        arguments.put("rate", String.valueOf(rate));
        return JobParams.of(arguments);
    }

    private int spindle(String... args) {
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SPINDLE_CONF_DIR", work.toString()), work);
        return new SpindleCli(Commands.all(), context).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A copy of the canonical savepoint to damage. */
    private Path copyOfCanonical() throws IOException {
        Path copy = work.resolve("copy");
        try (Stream<Path> files = Files.walk(canonical)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(canonical.relativize(file).toString()));
            }
        }
        return copy;
    }

    /** The one keyed state file of subtask 0 of the canonical savepoint's copy. */
    private static Path stateFile(Path savepoint) throws IOException {
        try (Stream<Path> files = Files.list(savepoint)) {
            return files.filter(f -> f.getFileName().toString().contains("-keyed-kg-0-")).findFirst().orElseThrow();
        }
    }

    /** The largest sum each key reached over the outputs: its final count if no record was lost or repeated. */
    private static Map<String, Long> finalSums(Path... outputs) throws IOException {
        Map<String, Long> sums = new HashMap<>();
        for (Path output : outputs) {
            try (Stream<Path> parts = Files.list(output)) {
                for (Path part : parts.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                    Files.readAllLines(part).forEach(line -> sums.merge(line.substring(0, line.indexOf('\t')),
                            Long.parseLong(line.substring(line.indexOf('\t') + 1)), Math::max));
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return sums;
    }

    @Test
    void infoShowsKindStatesSizesAndKeyGroups() {
        assertThat(spindle("savepoint-info", canonical.toString())).isEqualTo(ExitCode.OK);

        assertThat(out()).startsWith("canonical savepoint of job '")
                .containsPattern("\ntaken \\d{4}-\\d\\d-\\d\\dT.*Z, full size [\\d.]+ KiB\n")
                .containsPattern("operator 'numbers': parallelism 2, max parallelism 128\n"
                        + "  operator list state '[^']+' of the connector\n")
                .containsPattern("operator 'sum': parallelism 2, max parallelism 128, keyed state [\\d.]+ KiB in 2 files\n"
                        + "  keyed value state 'reduce', codec tuple2\\(long,long\\)\n"
                        + "  subtask 0: key groups \\[0, 63\\], [\\d.]+ KiB in 1 file\n"
                        + "  subtask 1: key groups \\[64, 127\\], [\\d.]+ KiB in 1 file\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void infoOfANativeSavepointSaysItIsNative() {
        assertThat(spindle("savepoint-info", nativeSavepoint.toString())).isEqualTo(ExitCode.OK);

        assertThat(out()).startsWith("native savepoint of job ");
    }

    @Test
    void verifyReadsEveryFile() {
        assertThat(spindle("savepoint-info", nativeSavepoint.toString(), "--verify")).isEqualTo(ExitCode.OK);

        assertThat(out()).containsPattern("\nverified \\d+ files, [\\d.]+ KiB\n$");
        assertThat(err()).isEmpty();
    }

    @Test
    void verifyCatchesAFlippedByte() throws IOException {
        Path copy = copyOfCanonical();
        byte[] bytes = Files.readAllBytes(stateFile(copy));
        bytes[bytes.length / 2] ^= 1;
        Files.write(stateFile(copy), bytes);

        assertThat(spindle("savepoint-info", copy.toString(), "--verify")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err().lines().toList()).singleElement().asString().startsWith("spindle savepoint-info: ")
                .contains("/copy is corrupt: ", stateFile(copy).getFileName().toString(), "checksum mismatch");
    }

    @Test
    void verifyCatchesATruncatedStateFile() throws IOException {
        Path copy = copyOfCanonical();
        Files.write(stateFile(copy), Arrays.copyOf(Files.readAllBytes(stateFile(copy)), 10));

        assertThat(spindle("savepoint-info", copy.toString(), "--verify")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err().lines().toList()).singleElement().asString()
                .contains(stateFile(copy).getFileName().toString(), "has 10 bytes where the metadata says");
    }

    @Test
    void verifyCatchesAMissingFile() throws IOException {
        Path copy = copyOfCanonical();
        String name = stateFile(copy).getFileName().toString();
        Files.delete(stateFile(copy));

        assertThat(spindle("savepoint-info", copy.toString(), "--verify")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err().lines().toList()).singleElement().asString().contains(name, "is missing");
    }

    @Test
    void infoOfAMissingPathIsOneLineOfBadInput() {
        Path missing = work.resolve("nowhere");

        assertThat(spindle("savepoint-info", missing.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).isEqualTo("spindle savepoint-info: no checkpoint or savepoint at " + missing + "\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void infoOfTruncatedMetadataIsOneLineOfBadInput() throws IOException {
        Path copy = copyOfCanonical();
        Path metadata = copy.resolve("_metadata");
        Files.write(metadata, Arrays.copyOf(Files.readAllBytes(metadata), 20));

        assertThat(spindle("savepoint-info", copy.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).hasLineCount(1).startsWith("spindle savepoint-info: ").contains("_metadata");
        assertThat(out()).isEmpty();
    }

    @Test
    void disposeDeletesASavepoint() throws IOException {
        Path copy = copyOfCanonical();

        assertThat(spindle("savepoint-dispose", copy.toString())).isEqualTo(ExitCode.OK);

        assertThat(out()).isEqualTo("savepoint disposed: " + copy + "\n");
        assertThat(copy).doesNotExist();
    }

    @Test
    void disposeOfADirectoryWithoutMetadataIsOneLineOfBadInputAndDeletesNothing() throws IOException {
        Path directory = Files.createDirectories(work.resolve("not-a-savepoint"));
        Files.writeString(directory.resolve("precious.txt"), "keep me");

        assertThat(spindle("savepoint-dispose", directory.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).hasLineCount(1).startsWith("spindle savepoint-dispose: cannot dispose " + directory + ": ")
                .contains("cannot find the metadata file '_metadata'");
        assertThat(directory.resolve("precious.txt")).exists();
    }

    @Test
    void disposeOfAMissingPathIsOneLineOfBadInput() {
        Path missing = work.resolve("nowhere");

        assertThat(spindle("savepoint-dispose", missing.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).isEqualTo("spindle savepoint-dispose: cannot dispose " + missing
                + ": no checkpoint or savepoint at " + missing + "\n");
    }

    @Test
    void copyPrintsTheCopyWhichVerifies() {
        Path target = work.resolve("elsewhere/copied");

        assertThat(spindle("savepoint-copy", canonical.toString(), target.toUri().toString())).isEqualTo(ExitCode.OK);
        assertThat(out()).startsWith("savepoint copied: file:/").endsWith("/elsewhere/copied\n");
        out.reset();

        assertThat(spindle("savepoint-info", target.toString(), "--verify")).isEqualTo(ExitCode.OK);
        assertThat(out()).startsWith("canonical savepoint of job ").contains("\nverified 2 files, ");
    }

    @Test
    void copyOfACorruptSavepointIsOneLineOfBadInputAndLeavesNothingRestorable() throws IOException {
        Path copy = copyOfCanonical();
        Files.write(stateFile(copy), Arrays.copyOf(Files.readAllBytes(stateFile(copy)), 10));
        Path target = work.resolve("target");

        assertThat(spindle("savepoint-copy", copy.toString(), target.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).hasLineCount(1).startsWith("spindle savepoint-copy: ")
                .contains(stateFile(copy).getFileName().toString(), "has 10 bytes where the metadata says");
        assertThat(target.resolve("_metadata")).doesNotExist();
    }

    @Test
    void copyNeedsASourceAndATarget() {
        assertThat(spindle("savepoint-copy", canonical.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).isEqualTo("spindle savepoint-copy: expects a savepoint path and a target directory\n");
    }

    @Test
    void rescaledSavepointRestoresAtItsMaxParallelismToExactCounts() throws Exception {
        Path rescaled = work.resolve("rescaled");

        assertThat(spindle("savepoint-rescale", canonical.toString(), rescaled.toString(), "--max-parallelism", "48"))
                .isEqualTo(ExitCode.OK);
        assertThat(out()).startsWith("savepoint rescaled to max parallelism 48: ");

        await(new LocalExecutor(configuration(3, 48, rescaled.toUri().toString())).start(new SumPerKey(),
                params(work.resolve("rest"))));
        Map<String, Long> sums = finalSums(shared.resolve("first"), work.resolve("rest"));
        assertThat(sums).hasSize((int) KEYS).allSatisfy((key, sum) -> assertThat(sum).isEqualTo(RECORDS / KEYS));
    }

    @Test
    void rescaleOfANativeSavepointIsOneLineOfBadInputWithTheReason() {
        Path target = work.resolve("rescaled");

        assertThat(spindle("savepoint-rescale", nativeSavepoint.toString(), target.toString(),
                "--max-parallelism", "64")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).isEqualTo("spindle savepoint-rescale: cannot re-shard " + nativeSavepoint + ": it is a native "
                + "savepoint, whose RocksDB files carry the old key groups; take a canonical one\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void rescaleRejectsAMaxParallelismOutOfRange() {
        assertThat(spindle("savepoint-rescale", canonical.toString(), work.resolve("x").toString(),
                "--max-parallelism", "40000")).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).isEqualTo("spindle savepoint-rescale: --max-parallelism must be a whole number from 1 to "
                + "32768, got '40000'\n");
    }

    @Test
    void rescaleNeedsAMaxParallelism() {
        assertThat(spindle("savepoint-rescale", canonical.toString(), work.resolve("x").toString()))
                .isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err()).hasLineCount(1).contains("Missing required option: max-parallelism");
    }

    @Test
    void everyCommandNeedsItsPathArguments() {
        for (String command : List.of("savepoint-info", "savepoint-dispose")) {
            assertThat(spindle(command)).isEqualTo(ExitCode.BAD_INPUT);
        }
        assertThat(err()).isEqualTo("spindle savepoint-info: expects one checkpoint or savepoint path\n"
                + "spindle savepoint-dispose: expects one savepoint path\n");
    }
}
