package io.spindle.client.rest;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.master.rest.CheckpointsView;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.spindle.master.metrics.VertexRates;
import io.spindle.master.rest.JobControl;
import io.spindle.master.rest.JobDescription;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.master.rest.MasterRestServer;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.state.checkpoint.SavepointFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterClientTest {

    private static final String SECRET = "f00d";

    private final AtomicReference<Map<String, Object>> document = new AtomicReference<>(TestingStatusDocuments.running(1));
    private final AtomicInteger cancels = new AtomicInteger();
    private final List<String> savepoints = new CopyOnWriteArrayList<>();
    private MasterRestServer server;
    private MasterClient client;

    @BeforeEach
    void startMaster() throws IOException {
        server = MasterRestServer.start("localhost", SECRET, new JobControl() {
            @Override
            public StatusDocument status() {
                try {
                    return StatusDocument.parse(JSON.std.asString(document.get()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public MultiCollector metrics() {
                return MetricSnapshots::of;
            }

            @Override
            public void cancel() {
                cancels.incrementAndGet();
            }

            @Override
            public Map<Integer, VertexRates> vertexRates() {
                return Map.of();
            }

            @Override
            public CheckpointsView checkpoints() {
                return new CheckpointsView(List.of(), List.of());
            }

            @Override
            public int savepoint(String directory, SavepointFormat format, Termination termination) {
                savepoints.add(directory + " " + format + " " + termination);
                return savepoints.size();
            }
        }, new JobDescription("job", List.of(), List.of(), Map.of("entries", List.of()),
                Map.of("logs", "")));
        client = new MasterClient(URI.create(server.url()));
    }

    @AfterEach
    void stopMaster() {
        server.close();
    }

    @Test
    void readsTheStatusDocument() throws Exception {
        StatusDocument status = client.status();

        assertThat(status.job()).isEqualTo("KeyedCounts");
        assertThat(status.events()).hasSize(2);
    }

    @Test
    void cancelsWithTheSecret() throws Exception {
        client.cancel(SECRET);

        assertThat(cancels).hasValue(1);
    }

    @Test
    void aRefusedCancelSaysWhyAndCancelsNothing() {
        assertThatThrownBy(() -> client.cancel("wrong"))
                .isInstanceOf(MasterResponseException.class)
                .hasMessage("the ApplicationMaster at " + server.url() + " answered PUT /cancel with HTTP 401: "
                        + "/cancel needs the application's secret in the X-Spindle-Secret header or as the body "
                        + "secret=<secret>");
        assertThat(cancels).hasValue(0);
    }

    @Test
    void asksForASavepointWithTheSecretAndReadsItsOutcomeFromTheStatus() throws Exception {
        int request = client.savepoint(SECRET, "hdfs://nn/savepoints", SavepointFormat.NATIVE, Termination.DRAIN);

        assertThat(request).isEqualTo(1);
        assertThat(savepoints).containsExactly("hdfs://nn/savepoints native DRAIN");
        assertThat(client.status().savepoint(1)).hasValueSatisfying(savepoint -> {
            assertThat(savepoint.state()).isEqualTo("COMPLETED");
            assertThat(savepoint.path()).hasValue("hdfs://nn/savepoints/savepoint-applic-0123456789ab");
        });
    }

    @Test
    void aMasterThatIsGoneDoesNotAnswer() {
        server.close();

        assertThatThrownBy(() -> client.status())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the ApplicationMaster at " + server.url() + " does not answer (");
    }
}
