package io.spindle.master.rest;

import java.util.Map;

/** An HTTP status code and the JSON sent with it: an object (a Map) or an array (a List). */
record JsonResponse(int status, Object body) {

    static JsonResponse error(int status, String message) {
        return new JsonResponse(status, Map.of("error", message));
    }
}
