package io.spindle.connectors.parquet;

import io.spindle.api.connectors.files.BulkFormat;
import io.spindle.api.connectors.files.BulkWriter;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Parquet part files for the file sink: a complete Parquet file per part, so one per checkpoint interval (and
 * bucket, and subtask) at least. Records are described by a schema and a writer of their fields; {@link #builder}
 * makes both from a list of flat columns.
 */
public final class ParquetFormat<T> implements BulkFormat<T> {

    private final MessageType schema;
    private final RecordWriter<T> writer;
    private final CompressionCodecName compression;

    private ParquetFormat(MessageType schema, RecordWriter<T> writer, CompressionCodecName compression) {
        this.schema = schema;
        this.writer = writer;
        this.compression = compression;
    }

    /** Records of {@code schema}, written field by field by {@code writer}; Snappy-compressed. */
    public static <T> ParquetFormat<T> of(MessageType schema, RecordWriter<T> writer) {
        return new ParquetFormat<>(schema, writer, CompressionCodecName.SNAPPY);
    }

    /** Flat records, a column at a time: {@code ParquetFormat.<Bid>builder("bid").int64("auction", Bid::auction)}. */
    public static <T> ParquetColumns<T> builder(String messageName) {
        return new ParquetColumns<>(messageName);
    }

    public ParquetFormat<T> withCompression(CompressionCodecName codec) {
        return new ParquetFormat<>(schema, writer, codec);
    }

    public MessageType schema() {
        return schema;
    }

    @Override
    public BulkWriter<T> create(OutputStream out) throws IOException {
        ParquetWriter<T> parquet = new Builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(compression)
                .build();
        return new BulkWriter<>() {
            @Override
            public void write(T record) throws IOException {
                parquet.write(record);
            }

            @Override
            public void finish() throws IOException {
                parquet.close();
            }
        };
    }

    private final class Builder extends ParquetWriter.Builder<T, Builder> {

        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new Support();
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return new Support();
        }
    }

    /** Hands each record to the format's record writer, framed as a message. */
    private final class Support extends WriteSupport<T> {
        private RecordConsumer consumer;

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(T record) {
            consumer.startMessage();
            writer.write(record, consumer);
            consumer.endMessage();
        }
    }
}
