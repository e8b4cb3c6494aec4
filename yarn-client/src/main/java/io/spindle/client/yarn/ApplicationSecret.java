package io.spindle.client.yarn;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A random per-application secret: whoever can read it may use the ApplicationMaster's REST control actions. */
final class ApplicationSecret {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApplicationSecret() { }

    static String generate() {
        byte[] secret = new byte[BYTES];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
