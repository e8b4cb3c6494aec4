package io.spindle.master.rest;

/** A request the API cannot act on as sent (a parameter missing or malformed): HTTP 400 with this message. */
final class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
