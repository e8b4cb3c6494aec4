package io.spindle.minicluster;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server ({@link #BINARY}, Debian's package {@code prometheus}) run for a test with its own
 * configuration and storage under a test directory, on a free port of the loopback interface; queried through its
 * HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI url;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts Prometheus with {@code configuration} (YAML) and waits until it is ready. */
    static PrometheusServer start(Path directory, String configuration) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path config = Files.writeString(directory.resolve("prometheus.yml"), configuration);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port + "/"));
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (get("-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IOException("Prometheus did not become ready within " + READY_TIMEOUT);
    }

    /** The value of an instant query that gives one series; empty when it gives none. */
    @SuppressWarnings("unchecked")
    OptionalDouble query(String expression) throws IOException, InterruptedException {
        HttpResponse<String> response = get("api/v1/query?query="
                + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        Map<String, Object> answer = JSON.std.mapFrom(response.body());
        if (!"success".equals(answer.get("status"))) {
            throw new IOException("query " + expression + " failed: " + response.body());
        }
        List<Map<String, Object>> result = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("data"))
                .get("result");
        if (result.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            throw new IOException("query " + expression + " gave " + result.size() + " series: " + response.body());
        }
        List<Object> value = (List<Object>) result.get(0).get("value");
        return OptionalDouble.of(Double.parseDouble((String) value.get(1)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
