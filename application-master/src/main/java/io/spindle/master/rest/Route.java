package io.spindle.master.rest;

import java.util.Map;
import java.util.function.Function;

/**
 * What one path answers: the one method it takes, whether the caller must send the application's
 * secret (control actions do, reads do not), and the response, computed per request from its query
 * parameters. Control actions take PUT, the one method besides GET that YARN's web proxy forwards, so
 * the dashboard can act through the tracking URL.
 */
record Route(String method, boolean needsSecret, Function<Map<String, String>, JsonResponse> respond) {

    static Route read(Function<Map<String, String>, JsonResponse> respond) {
        return new Route("GET", false, respond);
    }

    static Route control(Function<Map<String, String>, JsonResponse> respond) {
        return new Route("PUT", true, respond);
    }
}
