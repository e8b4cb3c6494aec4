package io.spindle.master.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The per-application secret that control requests must carry. */
final class ControlSecret {

    private final byte[] secret;

    ControlSecret(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the control secret must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so response times do not reveal how much of a guess was right. */
    boolean admits(String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
