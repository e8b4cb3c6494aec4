package io.spindle.master.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: the job's metrics in Prometheus's text format, collected on every request. */
final class MetricsHandler implements HttpHandler {

    static final String PATH = "/metrics";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsHandler.class);

    private final MultiCollector metrics;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    MetricsHandler(MultiCollector metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, HttpURLConnection.HTTP_BAD_METHOD, "text/plain", PATH + " takes GET\n");
                return;
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try {
                writer.write(text, metrics.collect(), EscapingScheme.DEFAULT);
            } catch (RuntimeException e) {
                LOG.warn("GET {} failed: {}", PATH, e.toString());
                send(exchange, HttpURLConnection.HTTP_INTERNAL_ERROR, "text/plain", e + "\n");
                return;
            }
            send(exchange, HttpURLConnection.HTTP_OK, writer.getContentType(), text.toString(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
