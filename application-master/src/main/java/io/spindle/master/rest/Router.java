package io.spindle.master.rest;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers every request from a fixed table of exact paths: the dashboard's files to GET, else JSON: unknown paths
 * 404, other methods 405, control actions without the secret 401, bad parameters 400, a failing route 500.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    /** A form body of {@code secret=<64 hex digits>} fits many times over; more is not read. */
    private static final int MAX_BODY_BYTES = 1024;

    private final Map<String, Route> routes;
    private final ControlSecret secret;
    private final DashboardAssets dashboard;

    Router(Map<String, Route> routes, ControlSecret secret, DashboardAssets dashboard) {
        this.routes = Map.copyOf(routes);
        this.secret = secret;
        this.dashboard = dashboard;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Route route = routes.get(path);
            Optional<DashboardAssets.Asset> asset = dashboard.at(path);
            if (asset.isPresent() && method.equals("GET")) {
                send(exchange, HttpURLConnection.HTTP_OK, asset.get().contentType(), asset.get().body());
            } else if (route == null) {
                send(exchange, JsonResponse.error(HttpURLConnection.HTTP_NOT_FOUND, "no resource " + path));
            } else if (!route.method().equals(method)) {
                exchange.getResponseHeaders().set("Allow", route.method());
                send(exchange, JsonResponse.error(HttpURLConnection.HTTP_BAD_METHOD,
                        path + " takes " + route.method() + ", not " + method));
            } else if (route.needsSecret() && !secret.admits(presentedSecret(exchange))) {
                LOG.warn("Refused {} {} from {}: missing or wrong secret", method, path, exchange.getRemoteAddress());
                send(exchange, JsonResponse.error(HttpURLConnection.HTTP_UNAUTHORIZED, path
                        + " needs the application's secret in the " + MasterRestServer.SECRET_HEADER
                        + " header or as the body secret=<secret>"));
            } else {
                send(exchange, respond(route, method, path, exchange.getRequestURI().getRawQuery()));
            }
        }
    }

    /**
     * The secret in the header, else in a body {@code secret=...} (URL-encoded, of any content type): YARN's web
     * proxy forwards a PUT's body but only a fixed set of headers, so the dashboard opened through it sends the body.
     * As plain text, since the proxy's servlet container reads a form-encoded PUT body as parameters and forwards
     * nothing.
     */
    private static String presentedSecret(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst(MasterRestServer.SECRET_HEADER);
        if (header != null) {
            return header;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
        return parameters(new String(body, StandardCharsets.UTF_8).strip()).get("secret");
    }

    private static JsonResponse respond(Route route, String method, String path, String query) {
        try {
            return route.respond().apply(parameters(query));
        } catch (BadRequestException e) {
            return JsonResponse.error(HttpURLConnection.HTTP_BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            return JsonResponse.error(HttpURLConnection.HTTP_INTERNAL_ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** {@code a=1&b=x%20y} as a map; a parameter given twice keeps its last value. */
    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, JsonResponse response) throws IOException {
        byte[] body;
        int status = response.status();
        try {
            body = JSON.std.asBytes(response.body());
        } catch (IOException e) {
            LOG.warn("{} {}: cannot write the response as JSON: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), e.toString());
            status = HttpURLConnection.HTTP_INTERNAL_ERROR;
            body = JSON.std.asBytes(JsonResponse.error(status, "cannot write the response as JSON: " + e.getMessage()).body());
        }
        send(exchange, status, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
