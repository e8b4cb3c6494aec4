package io.spindle.master.metrics;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.spindle.core.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a fake Pushgateway that records what it is sent. */
class PushgatewayReporterTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer pushgateway = startPushgateway();

    @AfterEach
    void stopPushgateway() {
        pushgateway.stop(0);
    }

    private HttpServer startPushgateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body.strip());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Runnable start(Map<String, String> settings) {
        return PushgatewayReporter.start(Configuration.fromMap(settings), "application_1_0001",
                () -> MetricSnapshots.of(GaugeSnapshot.builder().name("spindle_job_numRestarts").help("Restarts.")
                        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(2).build()).build()));
    }

    private String url() {
        return "http://127.0.0.1:" + pushgateway.getAddress().getPort();
    }

    @Test
    void theJobsEndPushesItsSeriesIntoItsGroupThenDeletesTheGroup() {
        Runnable stop = start(Map.of("metrics.reporter.promgateway.hostUrl", url(),
                "metrics.reporter.promgateway.interval", "1 h"));

        stop.run();

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).startsWith("PUT /metrics/job/spindle/job_id/application_1_0001 ")
                .contains("spindle_job_numRestarts 2.0");
        assertThat(requests.get(1)).isEqualTo("DELETE /metrics/job/spindle/job_id/application_1_0001 ");
    }

    @Test
    void withDeleteOnShutdownOffTheGroupStays() {
        Runnable stop = start(Map.of("metrics.reporter.promgateway.hostUrl", url() + "/",
                "metrics.reporter.promgateway.interval", "1 h",
                "metrics.reporter.promgateway.deleteOnShutdown", "false"));

        stop.run();

        assertThat(requests).singleElement().asString().startsWith("PUT /metrics/job/spindle/job_id/application_1_0001 ");
    }

    @Test
    void withoutAPushgatewayNothingIsSent() {
        start(Map.of()).run();

        assertThat(requests).isEmpty();
    }
}
