package io.spindle.connectors.parquet;

import io.spindle.api.connectors.files.BulkWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParquetFormatTest {

    record Reading(int sensor, long time, double value, boolean valid, String note) { }

    private static final ParquetFormat<Reading> FORMAT = ParquetFormat.<Reading>builder("reading")
            .int32("sensor", Reading::sensor)
            .int64("time", Reading::time)
            .float64("value", Reading::value)
            .bool("valid", Reading::valid)
            .utf8("note", Reading::note)
            .build();

    @TempDir
    Path work;

    private static void write(ParquetFormat<Reading> format, Path file, List<Reading> readings) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BulkWriter<Reading> writer = format.create(out);
            for (Reading reading : readings) {
                writer.write(reading);
            }
            writer.finish();
        }
    }

    private static List<Reading> read(Path file) throws IOException {
        List<Reading> readings = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                readings.add(new Reading(group.getInteger("sensor", 0), group.getLong("time", 0),
                        group.getDouble("value", 0), group.getBoolean("valid", 0),
                        group.getFieldRepetitionCount("note") == 0 ? null : group.getString("note", 0)));
            }
        }
        return readings;
    }

    @Test
    void recordsWrittenThroughTheSinksStreamReadBackWithParquetsReader() throws IOException {
        List<Reading> readings = List.of(new Reading(1, 1_700_000_000_000L, 21.5, true, "ok"),
                new Reading(2, -1, Double.NaN, false, null), new Reading(3, Long.MAX_VALUE, -0.0, true, "ünïcode"));
        Path file = work.resolve("part-0");

        write(FORMAT, file, readings);

        assertThat(read(file)).isEqualTo(readings);
    }

    @Test
    void anEmptyPartIsAValidFileWithTheSchema() throws IOException {
        Path file = work.resolve("part-0");

        write(FORMAT.withCompression(CompressionCodecName.UNCOMPRESSED), file, List.of());

        assertThat(read(file)).isEmpty();
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            assertThat(reader.getFileMetaData().getSchema()).isEqualTo(FORMAT.schema());
        }
    }
}
