package io.spindle.master.rest;

import io.spindle.core.concurrent.DaemonThreads;
import com.sun.net.httpserver.HttpServer;
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
import java.util.function.Supplier;

/**
 * The ApplicationMaster's REST API on an ephemeral port (SPEC.md §7): {@code GET /status} for
 * anyone, {@code POST /<action>} for control actions only with the application's secret in
 * {@link #SECRET_HEADER}. Control actions are started, not awaited: they answer 202.
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
     * Serves on {@code host}, port chosen by the system. {@code status} gives the status document
     * at each request; {@code cancel} is run on {@code POST /cancel}, on a request thread, so it
     * should only start the cancellation.
     */
    public static MasterRestServer start(String host, String secret, Supplier<Map<String, Object>> status,
                                         Runnable cancel) throws IOException {
        Map<String, Route> routes = Map.of(
                "/status", Route.read(() -> new JsonResponse(HttpURLConnection.HTTP_OK, status.get())),
                "/cancel", accepting("cancel", cancel));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, DaemonThreads.factory("rest"));
        server.createContext("/", new Router(routes, new ControlSecret(secret)));
        server.setExecutor(executor);
        server.start();
        String url = url(host, server.getAddress().getPort());
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

    /** A control action that is started by the request and reported on in the status document. */
    private static Route accepting(String name, Runnable action) {
        return Route.control(() -> {
            action.run();
            return new JsonResponse(HttpURLConnection.HTTP_ACCEPTED, Map.of("accepted", name));
        });
    }

    private static String url(String host, int port) {
        try {
            return new URI("http", null, host, port, "/", null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot form a URL with host '" + host + "'", e);
        }
    }

}
