package io.spindle.state.checkpoint.storage;

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

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * {@link CheckpointMetadata} as the bytes of a {@code _metadata} file, format version 4. Big-endian;
 * "varint" is an unsigned LEB128 int (7 bits per byte, low bits first, at most 5 bytes); a string is
 * a varint byte length followed by UTF-8.
 *
 * <pre>
 * header   magic "SPCK" (53 50 43 4B) | version int32 (= 4) | total file length int32, trailer included
 * body     jobId string | jobName string | checkpointId int64 | timestampMillis int64
 *          | savepoint format byte (0 checkpoint, 1 canonical savepoint, 2 native savepoint)
 *          | operator count varint, then each:
 *   operator   name string | parallelism int32 | maxParallelism int32
 *              | declared state count varint, then each: name string | kind string | codec id string | keyed byte
 *                | namespace codec id string (empty if none; absent before version 4, which reads as empty)
 *              | subtask count varint, then each:
 *     subtask  subtaskIndex int32
 *              | list-state count varint, then by name: name string | entry count varint | each: varint length + bytes
 *              | keyed-state form byte: 0 none, 1 native, 2 canonical; then for 1 and 2
 *                  keyGroupStart int32 | keyGroupEnd int32, then
 *                  native:    shared files | private files | incrementalBytes int64
 *                  canonical: path string | size int64 | CRC32C int32
 *              | flags byte: bit 0 set if the operator's input had ended (absent in version 2, which reads as 0)
 *     files    count varint, then by local name: local name string | path string | size int64 | CRC32C int32
 * trailer  CRC32 of every byte before it, int32
 * </pre>
 *
 * Maps are written sorted by key, so equal metadata always gives equal bytes. Reading checks, in this
 * order, magic, version, length (so truncation is reported as such) and checksum, then parses. Versions 2
 * (before the flags byte) and 3 (before namespace codec ids) are still read.
 */
public final class MetadataSerializer {

    static final byte[] MAGIC = {'S', 'P', 'C', 'K'};
    static final int VERSION = 4;
    /** The oldest version this build reads. */
    static final int OLDEST_READABLE_VERSION = 2;
    private static final int INPUT_ENDED = 1;
    static final int HEADER_BYTES = MAGIC.length + 4 + 4;
    static final int TRAILER_BYTES = 4;

    private MetadataSerializer() {
    }

    public static byte[] serialize(CheckpointMetadata metadata) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(0); // total length, patched below
            writeString(out, Objects.requireNonNull(metadata.jobId(), "jobId"));
            writeString(out, Objects.requireNonNull(metadata.jobName(), "jobName"));
            out.writeLong(metadata.checkpointId());
            out.writeLong(metadata.timestampMillis());
            out.writeByte(savepointFormatCode(metadata.savepointFormat()));
            writeVarInt(out, metadata.operators().size());
            for (OperatorState operator : metadata.operators()) {
                writeOperator(out, operator);
            }
            out.flush();
            byte[] result = new byte[bytes.size() + TRAILER_BYTES];
            byte[] written = bytes.toByteArray();
            System.arraycopy(written, 0, result, 0, written.length);
            putInt(result, MAGIC.length + 4, result.length);
            CRC32 crc = new CRC32();
            crc.update(result, 0, written.length);
            putInt(result, written.length, (int) crc.getValue());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    public static CheckpointMetadata deserialize(byte[] bytes) throws CorruptMetadataException {
        int version = checkEnvelope(bytes);
        Reader in = new Reader(bytes, HEADER_BYTES, bytes.length - TRAILER_BYTES, version);
        try {
            String jobId = in.string("job id");
            String jobName = in.string("job name");
            long checkpointId = in.int64();
            long timestamp = in.int64();
            SavepointFormat savepointFormat = readSavepointFormat(in);
            int operatorCount = in.count("operators", 1);
            List<OperatorState> operators = new ArrayList<>(operatorCount);
            for (int i = 0; i < operatorCount; i++) {
                operators.add(readOperator(in));
            }
            if (in.remaining() != 0) {
                throw new CorruptMetadataException(in.remaining() + " unexpected bytes after the last operator, at offset "
                        + in.position);
            }
            return new CheckpointMetadata(jobId, jobName, checkpointId, timestamp, savepointFormat, operators);
        } catch (IllegalArgumentException e) {
            // a record's own validation (key group range, relative path, negative size)
            throw new CorruptMetadataException("invalid value before offset " + in.position + ": " + e.getMessage(), e);
        }
    }

    /** Checks everything but the body; returns the format version. */
    private static int checkEnvelope(byte[] bytes) throws CorruptMetadataException {
        int prefix = Math.min(bytes.length, MAGIC.length);
        for (int i = 0; i < prefix; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new CorruptMetadataException("not a Spindle checkpoint metadata file: bad magic bytes");
            }
        }
        if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
            throw new CorruptMetadataException("truncated: " + bytes.length + " bytes, shorter than header and checksum ("
                    + (HEADER_BYTES + TRAILER_BYTES) + " bytes)");
        }
        int version = getInt(bytes, MAGIC.length);
        if (version < OLDEST_READABLE_VERSION || version > VERSION) {
            throw new CorruptMetadataException("unsupported metadata format version " + version + " (this build reads "
                    + OLDEST_READABLE_VERSION + " to " + VERSION + ")");
        }
        int declared = getInt(bytes, MAGIC.length + 4);
        if (declared > bytes.length) {
            throw new CorruptMetadataException("truncated: " + bytes.length + " of " + declared + " bytes");
        }
        if (declared != bytes.length) {
            throw new CorruptMetadataException("length mismatch: header says " + declared + " bytes, found "
                    + bytes.length);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER_BYTES);
        int expected = getInt(bytes, bytes.length - TRAILER_BYTES);
        if ((int) crc.getValue() != expected) {
            throw new CorruptMetadataException(String.format("checksum mismatch: stored %08x, computed %08x (corrupted)",
                    expected, (int) crc.getValue()));
        }
        return version;
    }

    private static void writeOperator(DataOutputStream out, OperatorState operator) throws IOException {
        writeString(out, Objects.requireNonNull(operator.operatorName(), "operatorName"));
        out.writeInt(operator.parallelism());
        out.writeInt(operator.maxParallelism());
        writeVarInt(out, operator.states().size());
        for (StateDeclaration state : operator.states()) {
            writeString(out, state.name());
            writeString(out, state.kind().name());
            writeString(out, state.codecId());
            out.writeByte(state.keyed() ? 1 : 0);
            writeString(out, state.namespaceCodecId());
        }
        writeVarInt(out, operator.subtasks().size());
        for (OperatorSubtaskState subtask : operator.subtasks()) {
            out.writeInt(subtask.subtaskIndex());
            Map<String, List<byte[]>> listStates = new TreeMap<>(subtask.operatorListState());
            writeVarInt(out, listStates.size());
            for (Map.Entry<String, List<byte[]>> state : listStates.entrySet()) {
                writeString(out, state.getKey());
                writeVarInt(out, state.getValue().size());
                for (byte[] entry : state.getValue()) {
                    Objects.requireNonNull(entry, () -> "null entry in list state " + state.getKey() + " of "
                            + operator.operatorName());
                    writeVarInt(out, entry.length);
                    out.write(entry);
                }
            }
            writeKeyedState(out, subtask.keyedState());
            out.writeByte(subtask.inputEnded() ? INPUT_ENDED : 0);
        }
    }

    private static void writeKeyedState(DataOutputStream out, KeyedStateHandle keyed) throws IOException {
        if (keyed == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(keyed instanceof NativeKeyedState ? 1 : 2);
        out.writeInt(keyed.keyGroupRange().start());
        out.writeInt(keyed.keyGroupRange().end());
        if (keyed instanceof NativeKeyedState nativeState) {
            writeFiles(out, nativeState.sharedFiles());
            writeFiles(out, nativeState.privateFiles());
            out.writeLong(nativeState.incrementalBytes());
        } else {
            writeFile(out, ((CanonicalKeyedState) keyed).file());
        }
    }

    private static void writeFile(DataOutputStream out, StateFile file) throws IOException {
        writeString(out, file.path());
        out.writeLong(file.size());
        out.writeInt(file.checksum());
    }

    private static void writeFiles(DataOutputStream out, Map<String, StateFile> files) throws IOException {
        Map<String, StateFile> sorted = new TreeMap<>(files);
        writeVarInt(out, sorted.size());
        for (Map.Entry<String, StateFile> file : sorted.entrySet()) {
            writeString(out, file.getKey());
            writeFile(out, file.getValue());
        }
    }

    private static OperatorState readOperator(Reader in) throws CorruptMetadataException {
        String name = in.string("operator name");
        int parallelism = in.int32();
        int maxParallelism = in.int32();
        // smallest declaration: three empty strings and the keyed flag
        int declarationCount = in.count("declared states of " + name, 4);
        List<StateDeclaration> states = new ArrayList<>(declarationCount);
        for (int i = 0; i < declarationCount; i++) {
            String stateName = in.string("state name");
            String kind = in.string("state kind");
            StateKind parsedKind;
            try {
                parsedKind = StateKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new CorruptMetadataException("unknown kind '" + kind + "' of state " + stateName + " of " + name);
            }
            String codecId = in.string("codec id");
            boolean keyed = in.flag("keyed flag");
            states.add(new StateDeclaration(stateName, parsedKind, codecId, keyed,
                    in.version >= 4 ? in.string("namespace codec id") : ""));
        }
        // smallest subtask: index, list-state count, keyed-state form (and flags from version 3)
        int subtaskCount = in.count("subtasks of " + name, in.version >= 3 ? 7 : 6);
        List<OperatorSubtaskState> subtasks = new ArrayList<>(subtaskCount);
        for (int s = 0; s < subtaskCount; s++) {
            int index = in.int32();
            int stateCount = in.count("list states", 2);
            Map<String, List<byte[]>> listStates = new HashMap<>();
            for (int i = 0; i < stateCount; i++) {
                String stateName = in.string("list state name");
                int entryCount = in.count("entries of list state " + stateName, 1);
                List<byte[]> entries = new ArrayList<>(entryCount);
                for (int e = 0; e < entryCount; e++) {
                    entries.add(in.bytes(in.count("bytes of a list state entry", 1)));
                }
                if (listStates.put(stateName, entries) != null) {
                    throw new CorruptMetadataException("list state " + stateName + " appears twice");
                }
            }
            KeyedStateHandle keyed = readKeyedState(in);
            int flags = in.version >= 3 ? in.int8() : 0;
            if ((flags & ~INPUT_ENDED) != 0) {
                throw new CorruptMetadataException("unknown flags " + flags + " of subtask " + index + " of " + name);
            }
            subtasks.add(new OperatorSubtaskState(index, listStates, keyed, (flags & INPUT_ENDED) != 0));
        }
        return new OperatorState(name, parallelism, maxParallelism, states, subtasks);
    }

    /** Codes of their own, not ordinals: reordering the enum must not change the format. */
    private static int savepointFormatCode(SavepointFormat format) {
        if (format == null) {
            return 0;
        }
        return format == SavepointFormat.CANONICAL ? 1 : 2;
    }

    private static SavepointFormat readSavepointFormat(Reader in) throws CorruptMetadataException {
        int code = in.int8();
        if (code == 0) {
            return null;
        }
        if (code == 1) {
            return SavepointFormat.CANONICAL;
        }
        if (code == 2) {
            return SavepointFormat.NATIVE;
        }
        throw new CorruptMetadataException("bad savepoint format " + code + " at offset " + (in.position - 1));
    }

    private static KeyedStateHandle readKeyedState(Reader in) throws CorruptMetadataException {
        int form = in.int8();
        if (form == 0) {
            return null;
        }
        if (form != 1 && form != 2) {
            throw new CorruptMetadataException("bad keyed-state form " + form + " at offset " + (in.position - 1));
        }
        KeyGroupRange range = new KeyGroupRange(in.int32(), in.int32());
        if (form == 1) {
            return new NativeKeyedState(range, readFiles(in), readFiles(in), in.int64());
        }
        return new CanonicalKeyedState(range, readFile(in));
    }

    private static StateFile readFile(Reader in) throws CorruptMetadataException {
        return new StateFile(in.string("state file path"), in.int64(), in.int32());
    }

    private static Map<String, StateFile> readFiles(Reader in) throws CorruptMetadataException {
        int count = in.count("state files", 14);
        Map<String, StateFile> files = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String localName = in.string("state file name");
            StateFile file = readFile(in);
            if (files.put(localName, file) != null) {
                throw new CorruptMetadataException("state file " + localName + " appears twice");
            }
        }
        return files;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(out, utf8.length);
        out.write(utf8);
    }

    static void writeVarInt(DataOutputStream out, int value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("negative count " + value);
        }
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    private static int getInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | (bytes[offset + 3] & 0xFF);
    }

    /** Bounds-checked cursor over the body; every failure names the offset. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        /** The format version of the bytes read. */
        private final int version;
        private int position;

        Reader(byte[] bytes, int start, int end, int version) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
            this.version = version;
        }

        int remaining() {
            return end - position;
        }

        private void need(int n, String what) throws CorruptMetadataException {
            if (n > remaining()) {
                throw new CorruptMetadataException("unexpected end of data reading " + what + " at offset " + position
                        + " (" + n + " bytes needed, " + remaining() + " left)");
            }
        }

        int int8() throws CorruptMetadataException {
            need(1, "a byte");
            return bytes[position++];
        }

        boolean flag(String what) throws CorruptMetadataException {
            int value = int8();
            if (value != 0 && value != 1) {
                throw new CorruptMetadataException("bad " + what + " " + value + " at offset " + (position - 1));
            }
            return value == 1;
        }

        int int32() throws CorruptMetadataException {
            need(4, "an int");
            int value = getInt(bytes, position);
            position += 4;
            return value;
        }

        long int64() throws CorruptMetadataException {
            need(8, "a long");
            long value = (long) getInt(bytes, position) << 32 | (getInt(bytes, position + 4) & 0xFFFFFFFFL);
            position += 8;
            return value;
        }

        int varInt(String what) throws CorruptMetadataException {
            int start = position;
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                need(1, what);
                int b = bytes[position++];
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (value < 0 || (shift == 28 && (b & 0x70) != 0)) {
                        break;
                    }
                    return value;
                }
            }
            throw new CorruptMetadataException("bad varint for " + what + " at offset " + start);
        }

        /** A count of items each at least {@code minBytesEach} long, checked against what is left. */
        int count(String what, int minBytesEach) throws CorruptMetadataException {
            int start = position;
            int count = varInt("the number of " + what);
            if ((long) count * minBytesEach > remaining()) {
                throw new CorruptMetadataException("count of " + what + " (" + count + ") at offset " + start
                        + " does not fit in the " + remaining() + " bytes left");
            }
            return count;
        }

        byte[] bytes(int length) throws CorruptMetadataException {
            need(length, "bytes");
            byte[] result = new byte[length];
            System.arraycopy(bytes, position, result, 0, length);
            position += length;
            return result;
        }

        String string(String what) throws CorruptMetadataException {
            int start = position;
            int length = count("bytes of " + what, 1);
            try {
                String value = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes, position, length)).toString();
                position += length;
                return value;
            } catch (CharacterCodingException e) {
                throw new CorruptMetadataException("invalid UTF-8 in " + what + " at offset " + start, e);
            }
        }
    }
}
