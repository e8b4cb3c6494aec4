package io.spindle.master.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.core.config.Configuration;
import io.spindle.core.options.MetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes a job's metrics to a Prometheus Pushgateway, into the group {@code /metrics/job/spindle/job_id/<id>}: every
 * {@code metrics.reporter.promgateway.interval} while the job runs, once more at its end, then deletes the group
 * (unless told not to), so that a finished job leaves no series behind.
 */
public final class PushgatewayReporter {

    private static final Logger LOG = LoggerFactory.getLogger(PushgatewayReporter.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI group;
    private final MultiCollector metrics;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    /** Whether the last push failed: a failure is logged when it starts, not on every push. */
    private volatile boolean failing;

    PushgatewayReporter(URI group, MultiCollector metrics) {
        this.group = group;
        this.metrics = metrics;
    }

    /**
     * Starts pushing if {@code metrics.reporter.promgateway.hostUrl} is set.
     *
     * @return what ends the pushing at the job's end (nothing to end without a Pushgateway)
     */
    public static Runnable start(Configuration configuration, String jobId, MultiCollector metrics) {
        Optional<String> url = configuration.getOptional(MetricsOptions.PUSHGATEWAY_URL);
        if (url.isEmpty()) {
            return () -> { };
        }
        PushgatewayReporter reporter = new PushgatewayReporter(groupOf(url.get(), jobId), metrics);
        long interval = configuration.get(MetricsOptions.PUSHGATEWAY_INTERVAL).toMillis();
        boolean delete = configuration.get(MetricsOptions.PUSHGATEWAY_DELETE_ON_SHUTDOWN);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("pushgateway"));
        timer.scheduleWithFixedDelay(reporter::push, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Pushing the job's metrics to {} every {} ms", reporter.group, interval);
        return () -> {
            timer.shutdownNow();
            reporter.push();
            if (delete) {
                reporter.delete();
            }
        };
    }

    static URI groupOf(String url, String jobId) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return URI.create(base + "/metrics/job/spindle/job_id/" + URLEncoder.encode(jobId, StandardCharsets.UTF_8));
    }

    /** Replaces the group's series with the job's current ones. */
    void push() {
        try {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            writer.write(text, metrics.collect(), EscapingScheme.DEFAULT);
            send(HttpRequest.newBuilder(group).header("Content-Type", writer.getContentType())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(text.toByteArray())), "push");
        } catch (IOException | RuntimeException e) {
            failed("push", e.toString());
        }
    }

    /** Deletes the group and its series. */
    void delete() {
        try {
            send(HttpRequest.newBuilder(group).DELETE(), "delete");
        } catch (IOException e) {
            failed("delete", e.toString());
        }
    }

    private void send(HttpRequest.Builder request, String what) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                failed(what, "HTTP " + response.statusCode() + " " + response.body().strip());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (failing) {
            failing = false;
            LOG.info("Pushgateway {} accepts the job's metrics again", group);
        }
    }

    private void failed(String what, String cause) {
        if (!failing) {
            failing = true;
            LOG.warn("Could not {} the job's metrics at Pushgateway {}: {}", what, group, cause);
        }
    }
}
