package io.spindle.api.codec.testrecords;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** A package-private record in another package, as user jars often have. */
public final class Hidden {

    private Hidden() { }

    record Secret(String value) { }

    public static Codec<?> codec() {
        return Codecs.record(Secret.class);
    }

    @SuppressWarnings("unchecked")
    public static boolean roundTrips(Codec<?> codec) {
        Codec<Secret> secrets = (Codec<Secret>) codec;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            secrets.encode(new Secret("s"), new DataOutputStream(bytes));
            return secrets.decode(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))
                    .equals(new Secret("s"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
