package io.spindle.examples.nexmark;

import io.spindle.api.codec.Codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A codec written field by field: a writer and a reader, with no reflection or boxing on the hot path. */
final class FieldCodec<T> implements Codec<T> {

    interface Writer<T> {
        void write(T value, DataOutput out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    private final String id;
    private final Writer<T> writer;
    private final Reader<T> reader;

    FieldCodec(String id, Writer<T> writer, Reader<T> reader) {
        this.id = id;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void encode(T value, DataOutput out) throws IOException {
        writer.write(value, out);
    }

    @Override
    public T decode(DataInput in) throws IOException {
        return reader.read(in);
    }

    @Override
    public String id() {
        return id;
    }
}
