package io.spindle.client.logs;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.client.yarn.ContainerLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the log files of running containers from their NodeManagers' web services (Hadoop 3):
 * {@code /ws/v1/node/containers/<id>/logs} lists them, {@code /ws/v1/node/containerlogs/<id>/<file>} serves one.
 * An {@link IOException} means the NodeManager did not answer or no longer has the container.
 */
public final class NodeManagerLogs {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private final boolean https;

    /** @param https whether the NodeManagers serve HTTPS only ({@code yarn.http.policy}) */
    public NodeManagerLogs(boolean https) {
        this.https = https;
    }

    /** The files in the container's log directories now, in the order the NodeManager lists them. */
    public List<LogFile> files(ContainerLocation container) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        uri(container, "/ws/v1/node/containers/" + container.id() + "/logs"))
                .header("Accept", "application/json").timeout(LIST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return LogFile.listedIn(JSON.std.anyFrom(response.body()));
    }

    /**
     * Writes Hadoop's framing of one file to {@code out}: all of it, or its last {@code -size} bytes for a
     * negative size.
     */
    public void read(ContainerLocation container, String file, long size, OutputStream out)
            throws IOException, InterruptedException {
        String query = size == Long.MAX_VALUE ? "" : "?size=" + size;
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(
                        uri(container, "/ws/v1/node/containerlogs/" + container.id() + "/" + file + query)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            body.transferTo(out);
        }
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpResponse<T> response = HTTP.send(request, body);
        if (response.statusCode() != 200) {
            if (response.body() instanceof InputStream stream) {
                stream.close();
            }
            throw new IOException(request.uri() + " answered HTTP " + response.statusCode());
        }
        return response;
    }

    private URI uri(ContainerLocation container, String path) {
        return URI.create(baseUri(container.nodeHttpAddress(), https) + path);
    }

    /** The ResourceManager reports a node's web address with its scheme or without (older versions). */
    static String baseUri(String nodeHttpAddress, boolean https) {
        String address = nodeHttpAddress.endsWith("/")
                ? nodeHttpAddress.substring(0, nodeHttpAddress.length() - 1) : nodeHttpAddress;
        return address.startsWith("http://") || address.startsWith("https://")
                ? address : (https ? "https://" : "http://") + address;
    }

    /** A log file as a NodeManager lists it. */
    public record LogFile(String name, long size) {

        /**
         * The files of the LOCAL entries of a listing. Looked for wherever they are in the document: Hadoop's JSON
         * wraps them differently across versions ({@code containerLogsInfo}, a bare array).
         */
        static List<LogFile> listedIn(Object document) {
            List<LogFile> files = new ArrayList<>();
            collect(document, files);
            return files;
        }

        private static void collect(Object node, List<LogFile> files) {
            if (node instanceof Map<?, ?> map) {
                if (map.get("fileName") instanceof String name && map.get("fileSize") != null) {
                    files.add(new LogFile(name, Long.parseLong(String.valueOf(map.get("fileSize")))));
                    return;
                }
                Object type = map.get("logAggregationType");
                if (type == null || "LOCAL".equals(type)) {
                    map.values().forEach(value -> collect(value, files));
                }
            } else if (node instanceof List<?> list) {
                list.forEach(value -> collect(value, files));
            }
        }
    }
}
