package io.spindle.api.connectors.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Comma-separated values in UTF-8 as RFC 4180 writes them, a line per record ending in '\n': a field holding a comma,
 * a double quote, a carriage return or a line feed is enclosed in double quotes, its quotes doubled; null is an empty
 * field. Parts may start with a header line of column names.
 */
public final class CsvFormat<T> implements RowFormat<T> {

    private final Function<T, List<?>> fields;
    private final byte[] header;

    CsvFormat(Function<T, List<?>> fields, byte[] header) {
        this.fields = fields;
        this.header = header;
    }

    /** The same format with a header line of these column names at the start of every part. */
    public CsvFormat<T> withHeader(String... columns) {
        return new CsvFormat<>(fields, line(List.of(columns)));
    }

    @Override
    public void writeHeader(OutputStream out) throws IOException {
        if (header != null) {
            out.write(header);
        }
    }

    @Override
    public void encode(T record, OutputStream out) throws IOException {
        out.write(line(fields.apply(record)));
    }

    static byte[] line(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            if (value != null) {
                appendField(line, value.toString());
            }
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendField(StringBuilder line, String field) {
        boolean quoted = false;
        for (int i = 0; i < field.length() && !quoted; i++) {
            char c = field.charAt(i);
            quoted = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quoted) {
            line.append(field);
            return;
        }
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
    }
}
