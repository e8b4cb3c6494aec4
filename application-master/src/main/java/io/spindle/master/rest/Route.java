package io.spindle.master.rest;

import java.util.function.Supplier;

/**
 * What one path answers: the one method it takes, whether the caller must send the application's
 * secret (control actions do, reads do not), and the response, computed per request.
 */
record Route(String method, boolean needsSecret, Supplier<JsonResponse> respond) {

    static Route read(Supplier<JsonResponse> respond) {
        return new Route("GET", false, respond);
    }

    static Route control(Supplier<JsonResponse> respond) {
        return new Route("POST", true, respond);
    }
}
