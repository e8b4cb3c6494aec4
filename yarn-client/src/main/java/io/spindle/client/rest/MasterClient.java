package io.spindle.client.rest;

import io.spindle.core.text.FirstLine;
import io.spindle.master.rest.MasterRestServer;
import io.spindle.protocol.checkpoint.SavepointRequest.Termination;
import io.spindle.protocol.status.JsonObject;
import io.spindle.protocol.status.StatusDocument;
import io.spindle.state.checkpoint.SavepointFormat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Talks to one ApplicationMaster's REST API at its own address, not through the ResourceManager's
 * web proxy: the secret goes to the AM and nowhere else. An {@link IOException} means the AM did
 * not answer; a {@link MasterResponseException} that it answered with an error.
 */
public final class MasterClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private final URI master;

    /** {@code master} is the AM's {@code http://host:port/}. */
    public MasterClient(URI master) {
        this.master = master;
    }

    public StatusDocument status() throws IOException, InterruptedException {
        String body = send(request("status").GET());
        try {
            return StatusDocument.parse(body);
        } catch (IllegalArgumentException e) {
            throw new MasterResponseException("the ApplicationMaster at " + master + " sent a malformed status: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The status, or empty when the AM does not answer (not started yet, or between attempts) or answers with an
     * error or a malformed document: for those who poll and try again.
     */
    public Optional<StatusDocument> statusIfAnswering() throws InterruptedException {
        try {
            return Optional.of(status());
        } catch (IOException | MasterResponseException e) {
            return Optional.empty();
        }
    }

    /** Asks the AM to cancel the job; returns once it has accepted, not once the job has ended. */
    public void cancel(String secret) throws IOException, InterruptedException {
        send(request("cancel").header(MasterRestServer.SECRET_HEADER, secret).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Asks the AM for a savepoint; returns its request number once the AM accepted it. How it ends is in
     * {@link StatusDocument#savepoint(int)}.
     *
     * @param directory null for the job's configured savepoint directory
     */
    public int savepoint(String secret, String directory, SavepointFormat format, Termination termination)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("savepoint?format=").append(format.name().toLowerCase(Locale.ROOT))
                .append("&termination=").append(termination.name().toLowerCase(Locale.ROOT));
        if (directory != null) {
            query.append("&directory=").append(URLEncoder.encode(directory, StandardCharsets.UTF_8));
        }
        String body = send(request(query.toString()).header(MasterRestServer.SECRET_HEADER, secret)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        try {
            return JsonObject.parse(body).integer("request");
        } catch (IllegalArgumentException e) {
            throw new MasterResponseException("the ApplicationMaster at " + master + " sent a malformed answer to a "
                    + "savepoint request: " + e.getMessage(), e);
        }
    }

    public URI url() {
        return master;
    }

    private HttpRequest.Builder request(String resource) {
        return HttpRequest.newBuilder(master.resolve(resource)).timeout(REQUEST_TIMEOUT);
    }

    private String send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the JDK's messages are often null or lack the address (a ConnectException says nothing)
            throw new IOException("the ApplicationMaster at " + master + " does not answer ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new MasterResponseException("the ApplicationMaster at " + master + " answered " + request.method()
                    + " " + request.uri().getPath() + " with HTTP " + response.statusCode() + ": " + error(response.body()));
        }
        return response.body();
    }

    /** The {@code error} field of a JSON error body, else the body's first line. */
    private static String error(String body) {
        try {
            return JsonObject.parse(body).text("error");
        } catch (IllegalArgumentException e) {
            return body.isBlank() ? "no details" : FirstLine.of(body);
        }
    }
}
