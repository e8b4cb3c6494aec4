package io.spindle.master.rest;

import com.sun.net.httpserver.HttpServer;
import io.spindle.core.concurrent.DaemonThreads;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.state.checkpoint.SavepointFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The ApplicationMaster's REST API and dashboard on an ephemeral port (docs/rest-api.md): the dashboard at
 * {@code /}; {@code GET /status}, {@code /checkpoints}, {@code /graph}, {@code /config}, {@code /master},
 * {@code /metrics} (Prometheus text, docs/monitoring.md) and {@code /prometheus-sd} (a Prometheus HTTP
 * service-discovery document listing that endpoint) for anyone; {@code PUT /<action>} for control actions only with
 * the application's secret in {@link #SECRET_HEADER} or the body. Control actions are started, not awaited: they
 * answer 202, and the status document tells how they end.
 *
 * <ul>
 *   <li>{@code PUT /cancel}</li>
 *   <li>{@code PUT /savepoint?directory=D&format=canonical|native&termination=none|stop|drain}: every
 *       parameter optional (the configured savepoint directory, canonical, none); answers
 *       {@code {"request": n}}, and the status document's {@code savepoints} list request n's outcome</li>
 * </ul>
 */
public final class MasterRestServer implements AutoCloseable {

    /** The request header that carries the per-application secret. */
    public static final String SECRET_HEADER = "X-Spindle-Secret";

    private static final Logger LOG = LoggerFactory.getLogger(MasterRestServer.class);
    private static final int THREADS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;

    private MasterRestServer(HttpServer server, ExecutorService executor, String url) {
        this.server = server;
        this.executor = executor;
        this.url = url;
    }

    /**
     * Serves on {@code host}, port chosen by the system. The job's actions run on a request thread, so they
     * should only start what they ask for.
     */
    public static MasterRestServer start(String host, String secret, JobControl job, JobDescription description)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        String url = url(host, server.getAddress().getPort());
        Map<String, Route> routes = Map.of(
                "/prometheus-sd", Route.read(query -> new JsonResponse(HttpURLConnection.HTTP_OK,
                        PrometheusServiceDiscovery.document(host + ":" + server.getAddress().getPort(), job.status()))),
                "/status", Route.read(query -> new JsonResponse(HttpURLConnection.HTTP_OK, job.status().toMap())),
                "/checkpoints", Route.read(query -> new JsonResponse(HttpURLConnection.HTTP_OK,
                        job.checkpoints().toMap())),
                "/graph", Route.read(query -> new JsonResponse(HttpURLConnection.HTTP_OK,
                        description.graphWith(job.vertexRates()))),
                "/config", Route.read(query -> new JsonResponse(HttpURLConnection.HTTP_OK,
                        description.configuration())),
                "/master", Route.read(query -> new JsonResponse(HttpURLConnection.HTTP_OK, description.master())),
                "/cancel", Route.control(query -> {
                    job.cancel();
                    return new JsonResponse(HttpURLConnection.HTTP_ACCEPTED, Map.of("accepted", "cancel"));
                }),
                "/savepoint", Route.control(query -> new JsonResponse(HttpURLConnection.HTTP_ACCEPTED,
                        Map.of("request", job.savepoint(query.get("directory"),
                                parse(query, "format", SavepointFormat::parse, SavepointFormat.CANONICAL),
                                parse(query, "termination", Termination::parse, Termination.NONE))))));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, DaemonThreads.factory("rest"));
        server.createContext("/", new Router(routes, new ControlSecret(secret), DashboardAssets.load()));
        server.createContext(MetricsHandler.PATH, new MetricsHandler(job.metrics()));
        server.setExecutor(executor);
        server.start();
        LOG.info("REST API listening at {}", url);
        return new MasterRestServer(server, executor, url);
    }

    /** {@code http://host:port/}: what the ApplicationMaster registers as its tracking URL. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static <T> T parse(Map<String, String> query, String name, Function<String, T> parser, T absent) {
        String value = query.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + ": " + e.getMessage());
        }
    }

    private static String url(String host, int port) {
        try {
            return new URI("http", null, host, port, "/", null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot form a URL with host '" + host + "'", e);
        }
    }

}
