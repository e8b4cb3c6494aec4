package io.spindle.master.rest;

import java.util.Map;

/** An HTTP status code and the JSON object sent with it. */
record JsonResponse(int status, Map<String, Object> body) {

    static JsonResponse error(int status, String message) {
        return new JsonResponse(status, Map.of("error", message));
    }
}
