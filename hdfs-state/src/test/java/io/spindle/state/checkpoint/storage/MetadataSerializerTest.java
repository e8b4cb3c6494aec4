package io.spindle.state.checkpoint.storage;

import io.spindle.api.state.StateDescriptor;
import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.graph.StateKind;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.checkpoint.CanonicalKeyedState;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.SavepointFormat;
import io.spindle.state.checkpoint.StateFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MetadataSerializerTest {

    static CheckpointMetadata sampleMetadata() {
        KeyedStateHandle keyed0 = new NativeKeyedState(new KeyGroupRange(0, 63),
                Map.of("000012.sst", new StateFile("shared/aa-000012.sst", 4_096, 0x5EED),
                        "000013.sst", new StateFile("shared/bb-000013.sst", 1_024, 0x5EED)),
                Map.of("MANIFEST-000005", new StateFile("chk-7/cc-MANIFEST-000005", 310, 0x5EED),
                        "CURRENT", new StateFile("chk-7/dd-CURRENT", 16, 0x5EED)),
                1_350);
        KeyedStateHandle keyed1 = new NativeKeyedState(new KeyGroupRange(64, 127), Map.of(), Map.of(), 0);
        OperatorState counts = new OperatorState("counts", 2, 128,
                List.of(new StateDeclaration("count", StateDescriptor.Kind.VALUE, "long", true),
                        new StateDeclaration("seen", StateDescriptor.Kind.MAP, "string->long", true),
                        new StateDeclaration("window-sums", StateKind.VALUE, "long", true, "window"),
                        StateDeclaration.timers("counts/event-time", "window")), List.of(
                new OperatorSubtaskState(0, Map.of(), keyed0),
                new OperatorSubtaskState(1, Map.of(), keyed1)));
        OperatorState source = new OperatorState("source: lines", 2, 128,
                List.of(new StateDeclaration("offsets", StateDescriptor.Kind.LIST, "bytes", false)), List.of(
                new OperatorSubtaskState(0, Map.of("offsets", List.of(new byte[] {1, 2, 3}, new byte[0])), null),
                new OperatorSubtaskState(1, Map.of("offsets", List.of(), "splits", List.of(new byte[] {9})), null)));
        OperatorState sink = new OperatorState("sink", 1, 128, List.of(), List.of());
        return new CheckpointMetadata("job-1", "word count", 7, 1_700_000_000_123L, null,
                List.of(source, counts, sink));
    }

    private static CheckpointMetadata roundTrip(CheckpointMetadata metadata) throws CorruptMetadataException {
        return MetadataSerializer.deserialize(MetadataSerializer.serialize(metadata));
    }

    @Test
    void metadataWithKeyedAndListStateRoundTrips() throws Exception {
        CheckpointMetadata metadata = sampleMetadata();

        assertThat(roundTrip(metadata)).usingRecursiveComparison().isEqualTo(metadata);
    }

    @Test
    void theFormatOfASavepointRoundTrips() throws Exception {
        for (SavepointFormat format : SavepointFormat.values()) {
            CheckpointMetadata metadata = new CheckpointMetadata("j", "job", 1, 0, format, List.of());

            assertThat(roundTrip(metadata).savepointFormat()).isEqualTo(format);
        }
    }

    @Test
    void aCanonicalKeyedStateHandleRoundTrips() throws Exception {
        CheckpointMetadata metadata = new CheckpointMetadata("j", "job", 4, 0, SavepointFormat.CANONICAL, List.of(
                new OperatorState("counts", 1, 128, List.of(), List.of(new OperatorSubtaskState(0, Map.of(),
                        new CanonicalKeyedState(new KeyGroupRange(0, 127),
                                new StateFile("ab12-keyed-kg-0-127", 12_345, 0xCAFEBABE)))))));

        assertThat(roundTrip(metadata)).isEqualTo(metadata);
    }

    @Test
    void metadataWithoutOperatorsRoundTrips() throws Exception {
        CheckpointMetadata metadata = new CheckpointMetadata("j", "j", 1, 0, null, List.of());

        assertThat(roundTrip(metadata)).isEqualTo(metadata);
    }

    @Test
    void anOperatorWithoutSubtasksRoundTrips() throws Exception {
        CheckpointMetadata metadata = new CheckpointMetadata("j", "j", 3, 5, null,
                List.of(new OperatorState("empty", 4, 16, List.of(), List.of())));

        assertThat(roundTrip(metadata)).isEqualTo(metadata);
    }

    @Test
    void aSubtaskWithoutKeyedStateComesBackWithNullKeyedState() throws Exception {
        CheckpointMetadata metadata = new CheckpointMetadata("j", "j", 3, 5, null, List.of(
                new OperatorState("map", 1, 128, List.of(), List.of(new OperatorSubtaskState(0, Map.of(), null)))));

        assertThat(roundTrip(metadata).operators().get(0).subtasks().get(0).keyedState()).isNull();
    }

    @Test
    void bigEntriesManyFilesAndNonAsciiNamesRoundTrip() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 0x5A);
        big[big.length - 1] = 1;
        Map<String, StateFile> shared = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            shared.put(String.format("%06d.sst", i), new StateFile("shared/" + i + "-x.sst", (long) i << 33, 0x5EED));
        }
        CheckpointMetadata metadata = new CheckpointMetadata("jöb-€-日本", "wörter", Long.MAX_VALUE, Long.MIN_VALUE,
                null, List.of(
                new OperatorState("zählen 🎉", Integer.MAX_VALUE, 32_768, List.of(), List.of(new OperatorSubtaskState(
                        Integer.MAX_VALUE, Map.of("ß", List.of(big)),
                        new NativeKeyedState(new KeyGroupRange(0, 32_767), shared, Map.of(), Long.MAX_VALUE))))));

        CheckpointMetadata read = roundTrip(metadata);

        // compared piece by piece: a recursive comparison of 3 MiB element by element takes a minute
        assertThat(read.jobId()).isEqualTo(metadata.jobId());
        assertThat(read.checkpointId()).isEqualTo(Long.MAX_VALUE);
        assertThat(read.timestampMillis()).isEqualTo(Long.MIN_VALUE);
        OperatorState operator = read.operators().get(0);
        assertThat(operator.operatorName()).isEqualTo("zählen 🎉");
        assertThat(operator.parallelism()).isEqualTo(Integer.MAX_VALUE);
        OperatorSubtaskState subtask = operator.subtasks().get(0);
        assertThat(subtask.subtaskIndex()).isEqualTo(Integer.MAX_VALUE);
        assertThat(subtask.operatorListState()).containsOnlyKeys("ß");
        assertThat(subtask.operatorListState().get("ß")).hasSize(1);
        assertThat(Arrays.equals(subtask.operatorListState().get("ß").get(0), big)).isTrue();
        assertThat(subtask.keyedState()).isEqualTo(metadata.operators().get(0).subtasks().get(0).keyedState());
    }

    @Test
    void equalMetadataGivesEqualBytesWhateverTheMapOrder() {
        Map<String, StateFile> ascending = new LinkedHashMap<>();
        Map<String, StateFile> descending = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            ascending.put("f" + i, new StateFile("shared/f" + i, i, 0x5EED));
            descending.put("f" + (49 - i), new StateFile("shared/f" + (49 - i), 49 - i, 0x5EED));
        }

        assertThat(MetadataSerializer.serialize(withSharedFiles(ascending)))
                .isEqualTo(MetadataSerializer.serialize(withSharedFiles(descending)));
    }

    private static CheckpointMetadata withSharedFiles(Map<String, StateFile> files) {
        return new CheckpointMetadata("j", "j", 1, 2, null, List.of(new OperatorState("o", 1, 128, List.of(), List.of(
                new OperatorSubtaskState(0, Map.of(), new NativeKeyedState(new KeyGroupRange(0, 127), files,
                        Map.of(), 0))))));
    }

    @Test
    void theFileStartsWithMagicVersionAndLengthAndEndsWithTheCrcOfEverythingBefore() {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata());
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);

        assertThat(Arrays.copyOf(bytes, 4)).isEqualTo("SPCK".getBytes(StandardCharsets.US_ASCII));
        assertThat(buffer.getInt(4)).isEqualTo(4);
        assertThat(buffer.getInt(8)).isEqualTo(bytes.length);
        assertThat(buffer.getInt(bytes.length - 4)).isEqualTo((int) crc.getValue());
    }

    @Test
    void truncationAtEveryBytePositionIsReportedAsTruncation() {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata());

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            CorruptMetadataException e = catchThrowableOfType(CorruptMetadataException.class,
                    () -> MetadataSerializer.deserialize(truncated));
            assertThat(e).as("truncated to %d of %d bytes", length, bytes.length).isNotNull();
            assertThat(e.getMessage()).contains("truncated");
        }
    }

    @Test
    void everySingleCorruptedByteIsDetected() {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata());

        for (int i = 0; i < bytes.length; i++) {
            byte[] corrupted = bytes.clone();
            corrupted[i] ^= (byte) 0x41;
            int position = i;
            assertThatThrownBy(() -> MetadataSerializer.deserialize(corrupted))
                    .as("byte %d corrupted", position).isInstanceOf(CorruptMetadataException.class);
        }
    }

    @Test
    void aChangedPayloadIsReportedAsChecksumMismatch() {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata());
        bytes[40] ^= 1;

        assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes))
                .isInstanceOf(CorruptMetadataException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void bytesAppendedAfterTheChecksumAreDetected() {
        byte[] bytes = Arrays.copyOf(MetadataSerializer.serialize(sampleMetadata()), 1000);

        assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes))
                .isInstanceOf(CorruptMetadataException.class).hasMessageContaining("length mismatch");
    }

    @Test
    void somethingElseIsReportedAsNotAMetadataFile() {
        byte[] bytes = "{\"checkpoint\": 7, \"operators\": []}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes))
                .isInstanceOf(CorruptMetadataException.class).hasMessageContaining("bad magic");
    }

    @Test
    void anUnknownFormatVersionIsReportedWithItsNumber() {
        byte[] bytes = MetadataSerializer.serialize(sampleMetadata());
        ByteBuffer.wrap(bytes).putInt(4, 5);

        assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes))
                .isInstanceOf(CorruptMetadataException.class).hasMessageContaining("version 5");
    }

    @Test
    void whetherASubtaskInputHadEndedReadsBack() throws CorruptMetadataException {
        CheckpointMetadata ended = new CheckpointMetadata("j", "j", 1, 2, null, List.of(new OperatorState("o", 2, 128,
                List.of(), List.of(new OperatorSubtaskState(0, Map.of(), null, true),
                        new OperatorSubtaskState(1, Map.of(), null, false)))));

        CheckpointMetadata read = MetadataSerializer.deserialize(MetadataSerializer.serialize(ended));

        assertThat(read.operators().get(0).subtasks()).extracting(OperatorSubtaskState::inputEnded)
                .containsExactly(true, false);
    }

    @Test
    void aVersionTwoFileWithoutTheFlagsByteReadsAsInputNotEnded() throws CorruptMetadataException {
        CheckpointMetadata metadata = new CheckpointMetadata("j", "j", 1, 2, null, List.of(new OperatorState("o", 1, 128,
                List.of(), List.of(new OperatorSubtaskState(0, Map.of("s", List.of(new byte[] {7})), null)))));
        // one subtask, whose flags byte is the last byte before the checksum
        byte[] current = MetadataSerializer.serialize(metadata);
        byte[] two = new byte[current.length - 1];
        System.arraycopy(current, 0, two, 0, current.length - 5);
        ByteBuffer.wrap(two).putInt(4, 2).putInt(8, two.length);
        CRC32 crc = new CRC32();
        crc.update(two, 0, two.length - 4);
        ByteBuffer.wrap(two).putInt(two.length - 4, (int) crc.getValue());

        CheckpointMetadata read = MetadataSerializer.deserialize(two);

        assertThat(read.operators().get(0).subtasks().get(0).inputEnded()).isFalse();
        assertThat(read.operators().get(0).subtasks().get(0).operatorListState().get("s")).containsExactly(new byte[] {7});
    }

    @Test
    void aWellSealedFileWithAnImpossibleCountIsRejectedWithItsOffset() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = checkpointFields(body);
        MetadataSerializer.writeVarInt(out, 1_000_000); // operators, but nothing follows
        byte[] bytes = seal(2, body.toByteArray());

        assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes))
                .isInstanceOf(CorruptMetadataException.class)
                .hasMessageContaining("count of operators (1000000) at offset 33");
    }

    @Test
    void aWellSealedFileWithAnAbsolutePathIsRejected() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = checkpointFields(body);
        MetadataSerializer.writeVarInt(out, 1);
        writeString(out, "op");
        out.writeInt(1);
        out.writeInt(128);
        MetadataSerializer.writeVarInt(out, 0);
        MetadataSerializer.writeVarInt(out, 1);
        out.writeInt(0);
        MetadataSerializer.writeVarInt(out, 0);
        out.writeByte(1);
        out.writeInt(0);
        out.writeInt(127);
        MetadataSerializer.writeVarInt(out, 1);
        writeString(out, "000001.sst");
        writeString(out, "/etc/passwd");
        out.writeLong(1);
        out.writeInt(0x5EED);
        MetadataSerializer.writeVarInt(out, 0);
        out.writeLong(1);
        byte[] bytes = seal(2, body.toByteArray());

        assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes))
                .isInstanceOf(CorruptMetadataException.class)
                .hasMessageContaining("must be relative to the checkpoint or savepoint directory: /etc/passwd");
    }

    @Test
    void aVersionThreeFileReadsWithStatesWithoutNamespaces() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = checkpointFields(body);
        MetadataSerializer.writeVarInt(out, 1);
        writeString(out, "counts");
        out.writeInt(1);
        out.writeInt(128);
        MetadataSerializer.writeVarInt(out, 2);
        for (String[] state : new String[][] {{"count", "VALUE", "long"}, {"seen", "MAP", "string->long"}}) {
            writeString(out, state[0]);
            writeString(out, state[1]);
            writeString(out, state[2]);
            out.writeByte(1);
        }
        MetadataSerializer.writeVarInt(out, 1);
        out.writeInt(0);
        MetadataSerializer.writeVarInt(out, 0);
        out.writeByte(0);
        out.writeByte(1);

        CheckpointMetadata read = MetadataSerializer.deserialize(seal(3, body.toByteArray()));

        assertThat(read.operators().get(0).states()).containsExactly(
                new StateDeclaration("count", StateDescriptor.Kind.VALUE, "long", true),
                new StateDeclaration("seen", StateDescriptor.Kind.MAP, "string->long", true));
        assertThat(read.operators().get(0).subtasks().get(0).inputEnded()).isTrue();
    }

    /** The fields of a hand-made body before its operators: job id and name, checkpoint id, time, format. */
    private static DataOutputStream checkpointFields(ByteArrayOutputStream body) throws IOException {
        DataOutputStream out = new DataOutputStream(body);
        writeString(out, "j");
        writeString(out, "j");
        out.writeLong(1);
        out.writeLong(2);
        out.writeByte(0);
        return out;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        MetadataSerializer.writeVarInt(out, utf8.length);
        out.write(utf8);
    }

    /** Header of that format version and checksum around a hand-made body. */
    private static byte[] seal(int version, byte[] body) {
        ByteBuffer buffer = ByteBuffer.allocate(12 + body.length + 4);
        buffer.put("SPCK".getBytes(StandardCharsets.US_ASCII)).putInt(version).putInt(buffer.capacity()).put(body);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }
}
