package io.spindle.api.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An enum constant by its name, encoded as a string (varint UTF-8 length, UTF-8 bytes): reordering or adding
 * constants keeps state readable; a stored name that no longer exists fails the decode.
 */
final class EnumCodec<E extends Enum<E>> extends NonNullCodec<E> {

    private final Class<E> type;
    private final E[] constants;
    private final byte[][] names;
    private final Map<String, E> byName;
    private final String known;

    EnumCodec(Class<E> type) {
        super("enum(" + checkEnum(type).getName() + ")");
        this.type = type;
        this.constants = type.getEnumConstants();
        this.names = new byte[constants.length][];
        Map<String, E> index = new HashMap<>();
        for (E constant : constants) {
            names[constant.ordinal()] = constant.name().getBytes(StandardCharsets.UTF_8);
            index.put(constant.name(), constant);
        }
        this.byName = Map.copyOf(index);
        this.known = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static <E> Class<E> checkEnum(Class<E> type) {
        if (type == null) {
            throw new NullPointerException("enum class is null");
        }
        if (!type.isEnum()) {
            throw new IllegalArgumentException(type.getName() + " is not an enum class");
        }
        return type;
    }

    @Override
    void encodeNonNull(E value, DataOutput out) throws IOException {
        int ordinal = value.ordinal();
        if (ordinal >= constants.length || constants[ordinal] != value) {
            throw new ClassCastException(id() + " cannot encode " + value + " of " + value.getDeclaringClass().getName());
        }
        byte[] name = names[ordinal];
        Varints.writeLength(out, name.length);
        out.write(name);
    }

    @Override
    public E decode(DataInput in) throws IOException {
        String name = Scalars.readString(in, id());
        E constant = byName.get(name);
        if (constant == null) {
            throw new IOException(id() + ": unknown constant '" + name + "' of " + type.getName() + "; known: "
                    + known);
        }
        return constant;
    }
}
