package io.spindle.master.rest;

import com.fasterxml.jackson.jr.ob.JSON;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.spindle.master.metrics.VertexRates;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.state.checkpoint.SavepointFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class MasterRestServerTest {

    private static final String SECRET = "0123456789abcdef";
    private static final StatusDocument STATUS = new StatusDocument("application_1700000000000_0001", 1,
            "KeyedCounts", "RUNNING", 0, List.of(new StatusDocument.Task("count", 0, "worker-1", "RUNNING")),
            List.of(), new StatusDocument.Checkpoints(0, 0, Optional.empty(), Optional.empty()), List.of(),
            Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty());

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger cancels = new AtomicInteger();
    private MasterRestServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private final List<String> savepoints = new CopyOnWriteArrayList<>();

    private void start(Supplier<StatusDocument> status, Runnable cancel) throws IOException {
        server = MasterRestServer.start("localhost", SECRET, new JobControl() {
            @Override
            public StatusDocument status() {
                return status.get();
            }

            @Override
            public MultiCollector metrics() {
                return () -> MetricSnapshots.of(CounterSnapshot.builder().name("spindle_task_numRecordsIn")
                        .help("Records in.").dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                                .labels(Labels.of("vertex", "count", "subtask", "0")).value(42).build())
                        .build());
            }

            @Override
            public void cancel() {
                cancel.run();
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
    }

    private void start() throws IOException {
        start(() -> STATUS, cancels::incrementAndGet);
    }

    private HttpResponse<String> send(String method, String path, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url()).resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30));
        if (secret != null) {
            request.header(MasterRestServer.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.std.mapFrom(response.body());
    }

    @Test
    void servesTheStatusDocumentAtItsOwnUrl() throws Exception {
        start();

        assertThat(server.url()).matches("http://localhost:\\d+/");
        HttpResponse<String> response = send("GET", "status", null);

        assertThat(response.statusCode()).isEqualTo(200);
        json(response);
        assertThat(StatusDocument.parse(response.body())).isEqualTo(STATUS);
    }

    @Test
    void servesTheDashboardPageAtTheTrackingUrl() throws Exception {
        start();

        HttpResponse<String> page = send("GET", "", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"dashboard.js\">");
    }

    /** The ResourceManager's proxy serves the page under /proxy/<application id>/: an absolute link would leave it. */
    @Test
    void theDashboardLinksAndFetchesOnlyByRelativeUrls() throws Exception {
        start();

        for (String file : List.of("", "dashboard.js")) {
            String body = send("GET", file, null).body();
            assertThat(body).doesNotContainPattern("(href|src)=\"(/|[a-z]+:)")
                    .doesNotContainPattern("(fetch|get)\\(\"/");
        }
    }

    @Test
    void theDashboardSendsOnlyMethodsTheYarnProxyForwards() throws Exception {
        start();

        String script = send("GET", "dashboard.js", null).body();

        assertThat(script.replace("method: \"PUT\"", "")).doesNotContainIgnoringCase("method:");
        assertThat(script).contains("method: \"PUT\"").doesNotContain("XMLHttpRequest");
    }

    @Test
    void servesTheJobsMetricsInPrometheusTextFormat() throws Exception {
        start();

        HttpResponse<String> response = send("GET", "metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("# TYPE spindle_task_numRecordsIn_total counter")
                .contains("spindle_task_numRecordsIn_total{subtask=\"0\",vertex=\"count\"} 42.0");
    }

    @Test
    void theServiceDiscoveryDocumentListsTheMetricsEndpointLabelledWithTheJob() throws Exception {
        start();

        HttpResponse<String> response = send("GET", "prometheus-sd", null);

        URI url = URI.create(server.url());
        assertThat(JSON.std.listFrom(response.body())).containsExactly(Map.of(
                "targets", List.of(url.getHost() + ":" + url.getPort()),
                "labels", Map.of("__metrics_path__", "/metrics", "spindle_job_id", STATUS.application(),
                        "spindle_job_name", STATUS.job())));
    }

    @Test
    void cancelWithoutTheSecretIsRefusedAndNotRun() throws Exception {
        start();

        HttpResponse<String> response = send("PUT", "cancel", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsOnlyKeys("error");
        assertThat(cancels).hasValue(0);
    }

    @Test
    void cancelWithAWrongSecretIsRefusedAndNotRun() throws Exception {
        start();

        assertThat(send("PUT", "cancel", SECRET + "0").statusCode()).isEqualTo(401);
        assertThat(send("PUT", "cancel", "").statusCode()).isEqualTo(401);
        assertThat(cancels).hasValue(0);
    }

    @Test
    void cancelWithTheSecretAsItsBodyRunsTheAction() throws Exception {
        start();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("cancel"))
                .PUT(HttpRequest.BodyPublishers.ofString("secret=" + SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(cancels).hasValue(1);
    }

    @Test
    void cancelWithTheSecretRunsTheActionOnce() throws Exception {
        start();

        HttpResponse<String> response = send("PUT", "cancel", SECRET);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response)).isEqualTo(Map.of("accepted", "cancel"));
        assertThat(cancels).hasValue(1);
    }

    @Test
    void savepointWithTheSecretStartsOneWithTheGivenParametersAndAnswersItsRequestNumber() throws Exception {
        start();

        HttpResponse<String> first = send("PUT", "savepoint?directory=hdfs%3A%2F%2Fnn%2Fsp%20x&format=native"
                + "&termination=stop", SECRET);
        HttpResponse<String> second = send("PUT", "savepoint", SECRET);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first)).isEqualTo(Map.of("request", 1));
        assertThat(json(second)).isEqualTo(Map.of("request", 2));
        assertThat(savepoints).containsExactly("hdfs://nn/sp x native STOP", "null canonical NONE");
    }

    @Test
    void savepointWithAnUnknownFormatIsABadRequestAndStartsNothing() throws Exception {
        start();

        HttpResponse<String> response = send("PUT", "savepoint?format=zip", SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error")).isEqualTo(
                "format: unknown savepoint format 'zip': expected one of canonical, native");
        assertThat(savepoints).isEmpty();
    }

    @Test
    void savepointWithoutTheSecretIsRefusedAndStartsNothing() throws Exception {
        start();

        assertThat(send("PUT", "savepoint", null).statusCode()).isEqualTo(401);
        assertThat(savepoints).isEmpty();
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        start();

        for (String path : List.of("index.html", "statusx", "status/tasks", "savepoints")) {
            HttpResponse<String> response = send("GET", path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).get("error")).isEqualTo("no resource /" + path);
        }
    }

    @Test
    void wrongMethodIsNotAllowedAndSaysWhichIs() throws Exception {
        start();

        HttpResponse<String> getCancel = send("GET", "cancel", SECRET);
        HttpResponse<String> postStatus = send("POST", "status", SECRET);

        assertThat(getCancel.statusCode()).isEqualTo(405);
        assertThat(getCancel.headers().firstValue("Allow")).hasValue("PUT");
        assertThat(json(getCancel)).containsOnlyKeys("error");
        assertThat(postStatus.statusCode()).isEqualTo(405);
        assertThat(postStatus.headers().firstValue("Allow")).hasValue("GET");
        assertThat(cancels).hasValue(0);
    }

    @Test
    void failingStatusOrActionAnswers500AndTheServerKeepsServing() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("no job yet");
            }
            return STATUS;
        }, () -> {
            throw new IllegalStateException("already cancelling");
        });

        HttpResponse<String> failedStatus = send("GET", "status", null);
        HttpResponse<String> failedCancel = send("PUT", "cancel", SECRET);

        assertThat(failedStatus.statusCode()).isEqualTo(500);
        assertThat(json(failedStatus)).isEqualTo(Map.of("error", "no job yet"));
        assertThat(failedCancel.statusCode()).isEqualTo(500);
        assertThat(json(failedCancel)).isEqualTo(Map.of("error", "already cancelling"));
        assertThat(send("GET", "status", null).statusCode()).isEqualTo(200);
    }
}
