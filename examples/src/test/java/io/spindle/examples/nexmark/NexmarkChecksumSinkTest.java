package io.spindle.examples.nexmark;

import io.spindle.api.JobParams;
import io.spindle.core.config.Configuration;
import io.spindle.examples.Nexmark;
import io.spindle.master.local.JobResult;
import io.spindle.master.local.LocalExecutor;
import io.spindle.master.local.LocalJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NexmarkChecksumSinkTest {

    private static final long EVENTS = 400_000;
    private static final Totals EXPECTED = NexmarkReference.totals(NexmarkReference.q0(EVENTS));

    @TempDir
    Path work;

    @Test
    void eachSubtaskPublishesItsTotalsAtTheEndOfInput() throws Exception {
        run(Map.of("parallelism.default", "2"));

        assertThat(published()).containsOnlyKeys("checksum-0", "checksum-1");
        assertThat(sum(published().values())).isEqualTo(EXPECTED);
    }

    @Test
    void totalsRestoredFromACheckpointAfterAFailureAreExact() throws Exception {
        // 2 s of input; subtask 0 fails at about half of its 200,000 events, long after the first checkpoints
        JobResult result = run(checkpointing(), "rate", "200000", "fail-after", "90000");

        assertThat(result.restarts()).isEqualTo(1);
        // restored from a checkpoint, not from scratch: far fewer than the ~180,000 bids before the failure counted again
        assertThat(result.recordsIn().get("q0-sink")).isLessThan(EXPECTED.rows() + 90_000);
        assertThat(published()).containsOnlyKeys("checksum-0", "checksum-1");
        assertThat(sum(published().values())).isEqualTo(EXPECTED);
    }

    @Test
    void aChecksumFileOfAnotherJobStopsTheJob() throws Exception {
        Files.createDirectories(output());
        Files.writeString(output().resolve("checksum-0"), "1\t0000000000000001\n");

        assertThatThrownBy(() -> run(Map.of("parallelism.default", "1"))).hasStackTraceContaining("exists already");
    }

    private Map<String, String> checkpointing() {
        return Map.of("parallelism.default", "2",
                "execution.checkpointing.interval", "100 ms",
                "execution.checkpointing.dir", work.resolve("checkpoints").toUri().toString(),
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.delay", "100 ms");
    }

    private JobResult run(Map<String, String> settings, String... arguments) throws InterruptedException {
        Map<String, String> params = new HashMap<>(Map.of("query", "q0", "events", String.valueOf(EVENTS),
                "output", output().toString()));
        for (int i = 0; i < arguments.length; i += 2) {
            params.put(arguments[i], arguments[i + 1]);
        }
        return LocalJobs.execute(new LocalExecutor(Configuration.fromMap(settings)), new Nexmark(),
                JobParams.of(params));
    }

    private Path output() {
        return work.resolve("checksums");
    }

    /** The visible files of the output directory and their contents, by name. */
    private Map<String, String> published() throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> listing = Files.list(output())) {
            for (Path file : listing.filter(file -> !file.getFileName().toString().startsWith(".")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static Totals sum(Collection<String> published) {
        return published.stream().map(Totals::parse).reduce(Totals.NONE, Totals::plus);
    }
}
