package io.spindle.api.connectors.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** A format that encodes each record on its own, after an optional header at the start of every part. */
@FunctionalInterface
public interface RowFormat<T> extends BulkFormat<T> {

    void encode(T record, OutputStream out) throws IOException;

    /** What starts every part; nothing by default. */
    default void writeHeader(OutputStream out) throws IOException {
    }

    @Override
    default BulkWriter<T> create(OutputStream out) throws IOException {
        writeHeader(out);
        return new BulkWriter<>() {
            @Override
            public void write(T record) throws IOException {
                encode(record, out);
            }

            @Override
            public void finish() throws IOException {
                out.flush();
            }
        };
    }

    /** A line of UTF-8 text per record, as {@code format} writes it. */
    static <T> RowFormat<T> text(Function<T, String> format) {
        return (record, out) -> {
            out.write(format.apply(record).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        };
    }

    /** A CSV line per record with the fields {@code fields} gives it; see {@link CsvFormat}. */
    static <T> CsvFormat<T> csv(Function<T, List<?>> fields) {
        return new CsvFormat<>(fields, null);
    }
}
