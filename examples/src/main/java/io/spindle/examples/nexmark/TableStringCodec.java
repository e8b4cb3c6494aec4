package io.spindle.examples.nexmark;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Strings that are nearly always one of a few known values (a city, a channel): a known value is its index in one
 * byte and decodes to the table's own instance, allocating nothing; any other string follows a marker byte as
 * {@link Codecs#STRING}.
 */
final class TableStringCodec implements Codec<String> {

    private static final int OTHER = 0xFF;

    private final String id;
    private final List<String> table;

    TableStringCodec(String name, List<String> table) {
        if (table.size() >= OTHER) {
            throw new IllegalArgumentException("a table of " + table.size() + " strings does not fit in a byte");
        }
        this.id = "table-string(" + name + ":" + String.join(",", table) + ")";
        this.table = List.copyOf(table);
    }

    @Override
    public void encode(String value, DataOutput out) throws IOException {
        int index = table.indexOf(value);
        if (index >= 0) {
            out.writeByte(index);
        } else {
            out.writeByte(OTHER);
            Codecs.STRING.encode(value, out);
        }
    }

    @Override
    public String decode(DataInput in) throws IOException {
        int index = in.readUnsignedByte();
        if (index == OTHER) {
            return Codecs.STRING.decode(in);
        }
        if (index >= table.size()) {
            throw new IOException(id + ": no string " + index + " in a table of " + table.size());
        }
        return table.get(index);
    }

    @Override
    public String id() {
        return id;
    }
}
