package io.spindle.state.rocksdb;

import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.graph.StateKind;
import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.StateException;
import io.spindle.state.checkpoint.StateFile;

import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Keyed state in Spindle's canonical savepoint format: the logical entries of every state of one subtask,
 * key group by key group, independent of RocksDB's files and key encoding ({@link RocksDbLayout}). Big-endian;
 * "varint" is an unsigned LEB128 int as in {@link RocksDbLayout}; a string is a varint byte length and UTF-8.
 *
 * <pre>
 * file     block of the range's first key group | ... | block of its last | footer | trailer
 * block    the key group's entries, compressed as raw DEFLATE (level BEST_SPEED), state by state in the order
 *          of the footer; zero bytes if the key group has no entry
 * entry    state index varint (into the footer's states) | key length varint | key bytes (key codec)
 *          | states with a sub-key only ({@link RocksDbLayout#hasSubKey}): sub-key length varint | sub-key bytes:
 *            a map's user key, a namespace, a timer's time (8 bytes, as in RocksDB) and namespace
 *          | value length varint | value bytes: the value codec's bytes; for list state, per element
 *            [length varint][element codec bytes]; none for timers
 * footer   magic "SPKG" | version int32 (= 2) | max parallelism int32 | key group start int32 | end int32
 *          | state count varint, then each, by name: name string | kind string | codec id string
 *            | namespace codec id string (empty if none; absent in version 1, which has no namespaces)
 *          | per key group of the range, in order: block length int64 | CRC32C of the block's bytes int32
 * trailer  footer offset int64 | CRC32C of the footer int32 | magic "SPKG"
 * </pre>
 *
 * Blocks follow each other without gaps, so a block's offset is the sum of the lengths before it, and the
 * blocks of a key-group range are one contiguous byte range: a restoring subtask reads the trailer, the
 * footer, and then only the blocks of its key groups, each checked against its CRC32C. A key's group is
 * not stored: it is the block's, and can always be computed again from the key bytes (re-sharding). Version 1
 * files (before namespaces and timers) are still read.
 */
public final class CanonicalKeyGroups {

    static final byte[] MAGIC = {'S', 'P', 'K', 'G'};
    static final int VERSION = 2;
    /** The oldest version this build reads. */
    static final int OLDEST_READABLE_VERSION = 1;
    static final int TRAILER_BYTES = 8 + 4 + MAGIC.length;

    private CanonicalKeyGroups() { }

    /** One entry of one state: the key's bytes, its sub-key ({@link RocksDbLayout#subKey}; null if none), the value. */
    public record Entry(int keyGroup, int state, byte[] key, byte[] subKey, byte[] value) { }

    /** What the footer says: the file's key groups, its states and where each key group's block is. */
    public record Footer(int maxParallelism, KeyGroupRange keyGroupRange, List<StateDeclaration> states,
                         long[] blockOffsets, long[] blockLengths, int[] blockChecksums) {

        long offset(int keyGroup) {
            return blockOffsets[keyGroup - keyGroupRange.start()];
        }
    }

    /** Receives entries as they are read. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(Entry entry) throws IOException;
    }

    // ---- writing ---------------------------------------------------------------------------------------

    /**
     * Writes every entry of the states of a RocksDB snapshot in {@code range} to {@code target}, key group by
     * key group. Stops with an {@link InterruptedIOException} between key groups if the thread is interrupted.
     */
    static void write(ReadOnlyRocksDb snapshot, Path target, int maxParallelism, KeyGroupRange range)
            throws IOException {
        List<StateDeclaration> states = snapshot.states();
        List<RocksIterator> iterators = new ArrayList<>(states.size());
        try (Writer writer = new Writer(target, maxParallelism, range, states)) {
            for (StateDeclaration state : states) {
                RocksIterator iterator = snapshot.iterator(state);
                iterators.add(iterator);
                iterator.seek(RocksDbLayout.keyGroupPrefix(range.start()));
            }
            for (int keyGroup = range.start(); keyGroup <= range.end(); keyGroup++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("writing the canonical keyed state of key groups " + range
                            + " was interrupted");
                }
                for (int s = 0; s < states.size(); s++) {
                    RocksIterator iterator = iterators.get(s);
                    StateDeclaration state = states.get(s);
                    for (; iterator.isValid() && RocksDbLayout.keyGroupOf(iterator.key()) == keyGroup;
                         iterator.next()) {
                        byte[] columnFamilyKey = iterator.key();
                        writer.add(new Entry(keyGroup, s, RocksDbLayout.key(state, columnFamilyKey),
                                RocksDbLayout.subKey(state, columnFamilyKey), iterator.value()));
                    }
                }
            }
            for (int s = 0; s < states.size(); s++) {
                try {
                    iterators.get(s).status();
                } catch (RocksDBException e) {
                    throw new StateException("cannot read state '" + states.get(s).name() + "' of the snapshot: "
                            + e.getMessage(), e);
                }
            }
            writer.finish();
        } finally {
            iterators.forEach(RocksIterator::close);
        }
    }

    /**
     * Writes a canonical file: entries must come in ascending key-group order, within the range; then
     * {@link #finish()}. Closing without finishing leaves an incomplete file for the caller to delete.
     */
    public static final class Writer implements Closeable {

        private final CountingOutputStream file;
        private final int maxParallelism;
        private final KeyGroupRange range;
        private final List<StateDeclaration> states;
        private final long[] blockLengths;
        private final int[] blockChecksums;
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        private final byte[] varInt = new byte[5];
        private int keyGroup = -1;
        private long blockStart;
        private CRC32C blockCrc;
        private DeflaterOutputStream deflating;
        /** In front of {@link #deflating}: one call into zlib per 64 KiB, not one per field of an entry. */
        private OutputStream block;

        public Writer(Path target, int maxParallelism, KeyGroupRange range, List<StateDeclaration> states)
                throws IOException {
            this.file = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(target,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 256 * 1024));
            this.maxParallelism = maxParallelism;
            this.range = range;
            this.states = List.copyOf(states);
            this.blockLengths = new long[range.size()];
            this.blockChecksums = new int[range.size()];
        }

        public void add(Entry entry) throws IOException {
            if (!range.contains(entry.keyGroup()) || entry.keyGroup() < keyGroup) {
                throw new IllegalArgumentException("key group " + entry.keyGroup() + " after " + keyGroup
                        + " or outside " + range);
            }
            if (entry.keyGroup() != keyGroup) {
                endBlock();
                keyGroup = entry.keyGroup();
                blockStart = file.count;
                blockCrc = new CRC32C();
                deflater.reset();
                // finished, never closed: the file goes on after the block
                deflating = new DeflaterOutputStream(new CheckedOutputStream(file, blockCrc), deflater, 64 * 1024);
                block = new BufferedOutputStream(deflating, 64 * 1024);
            }
            writeVarInt(block, entry.state());
            writeBytes(block, entry.key());
            if (RocksDbLayout.hasSubKey(states.get(entry.state()))) {
                writeBytes(block, entry.subKey());
            }
            writeBytes(block, entry.value());
        }

        /** Ends the last block and writes the footer and trailer. */
        public void finish() throws IOException {
            endBlock();
            ByteArrayOutputStream footerBytes = new ByteArrayOutputStream();
            DataOutputStream footer = new DataOutputStream(footerBytes);
            footer.write(MAGIC);
            footer.writeInt(VERSION);
            footer.writeInt(maxParallelism);
            footer.writeInt(range.start());
            footer.writeInt(range.end());
            writeVarInt(footer, states.size());
            for (StateDeclaration state : states) {
                writeString(footer, state.name());
                writeString(footer, state.kind().name());
                writeString(footer, state.codecId());
                writeString(footer, state.namespaceCodecId());
            }
            for (int i = 0; i < blockLengths.length; i++) {
                footer.writeLong(blockLengths[i]);
                footer.writeInt(blockChecksums[i]);
            }
            byte[] bytes = footerBytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            long footerOffset = file.count;
            file.write(bytes);
            DataOutputStream trailer = new DataOutputStream(file);
            trailer.writeLong(footerOffset);
            trailer.writeInt((int) crc.getValue());
            trailer.write(MAGIC);
            trailer.flush();
        }

        private void endBlock() throws IOException {
            if (block == null) {
                return;
            }
            block.flush();
            deflating.finish();
            blockLengths[keyGroup - range.start()] = file.count - blockStart;
            blockChecksums[keyGroup - range.start()] = (int) blockCrc.getValue();
            block = null;
            deflating = null;
        }

        private void writeBytes(OutputStream out, byte[] bytes) throws IOException {
            writeVarInt(out, bytes.length);
            out.write(bytes);
        }

        private void writeVarInt(OutputStream out, int value) throws IOException {
            out.write(varInt, 0, RocksDbLayout.writeVarInt(value, varInt, 0));
        }

        private void writeString(OutputStream out, String value) throws IOException {
            writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            deflater.end();
            file.close();
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /** Reads and checks the footer of a canonical file. */
    public static Footer readFooter(SnapshotFiles files, StateFile file) throws IOException {
        if (file.size() < TRAILER_BYTES) {
            throw corrupt(file, "shorter than its trailer");
        }
        ByteBuffer trailer;
        try (InputStream in = files.open(file, file.size() - TRAILER_BYTES)) {
            trailer = ByteBuffer.wrap(readFully(in, TRAILER_BYTES, file));
        }
        long footerOffset = trailer.getLong();
        int footerCrc = trailer.getInt();
        byte[] magic = new byte[MAGIC.length];
        trailer.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw corrupt(file, "bad magic bytes at its end: not a canonical keyed state file, or truncated");
        }
        long footerLength = file.size() - TRAILER_BYTES - footerOffset;
        if (footerOffset < 0 || footerLength < 0 || footerLength > Integer.MAX_VALUE) {
            throw corrupt(file, "footer offset " + footerOffset + " outside the file");
        }
        byte[] footer;
        try (InputStream in = files.open(file, footerOffset)) {
            footer = readFully(in, (int) footerLength, file);
        }
        CRC32C crc = new CRC32C();
        crc.update(footer);
        if ((int) crc.getValue() != footerCrc) {
            throw corrupt(file, "footer checksum mismatch");
        }
        try {
            return parseFooter(new DataInputStream(new java.io.ByteArrayInputStream(footer)), footerOffset);
        } catch (EOFException | IllegalArgumentException e) {
            throw corrupt(file, "malformed footer: " + e.getMessage());
        }
    }

    private static Footer parseFooter(DataInputStream in, long footerOffset) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("bad magic bytes");
        }
        int version = in.readInt();
        if (version < OLDEST_READABLE_VERSION || version > VERSION) {
            throw new IllegalArgumentException("unsupported version " + version + " (this build reads "
                    + OLDEST_READABLE_VERSION + " to " + VERSION + ")");
        }
        int maxParallelism = in.readInt();
        KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
        int stateCount = readVarInt(in);
        List<StateDeclaration> states = new ArrayList<>();
        for (int i = 0; i < stateCount; i++) {
            String name = readString(in);
            StateKind kind = StateKind.valueOf(readString(in));
            String codecId = readString(in);
            states.add(new StateDeclaration(name, kind, codecId, true, version >= 2 ? readString(in) : ""));
        }
        long[] offsets = new long[range.size()];
        long[] lengths = new long[range.size()];
        int[] checksums = new int[range.size()];
        long offset = 0;
        for (int i = 0; i < range.size(); i++) {
            offsets[i] = offset;
            lengths[i] = in.readLong();
            checksums[i] = in.readInt();
            offset += lengths[i];
            if (lengths[i] < 0 || offset > footerOffset) {
                throw new IllegalArgumentException("the blocks overrun the footer");
            }
        }
        if (offset != footerOffset || in.available() != 0) {
            throw new IllegalArgumentException("the blocks do not end where the footer starts");
        }
        return new Footer(maxParallelism, range, List.copyOf(states), offsets, lengths, checksums);
    }

    /**
     * Reads the entries of the key groups of {@code wanted} that the file holds, in key-group order, reading
     * only their blocks; fails with an {@link IOException} naming the file if a block does not match its
     * checksum.
     */
    public static void read(SnapshotFiles files, StateFile file, Footer footer, KeyGroupRange wanted,
                            EntryConsumer consumer) throws IOException {
        int first = Math.max(wanted.start(), footer.keyGroupRange().start());
        int last = Math.min(wanted.end(), footer.keyGroupRange().end());
        if (first > last) {
            return;
        }
        try (InputStream in = files.open(file, footer.offset(first))) {
            for (int keyGroup = first; keyGroup <= last; keyGroup++) {
                int i = keyGroup - footer.keyGroupRange().start();
                if (footer.blockLengths()[i] > 0) {
                    readBlock(in, file, footer, keyGroup, i, consumer);
                }
            }
        }
    }

    private static void readBlock(InputStream in, StateFile file, Footer footer, int keyGroup, int index,
                                  EntryConsumer consumer) throws IOException {
        CRC32C crc = new CRC32C();
        CheckedInputStream checked = new CheckedInputStream(new BoundedInputStream(in, footer.blockLengths()[index]),
                crc);
        Inflater inflater = new Inflater(true);
        try {
            DataInputStream entries = new DataInputStream(new BufferedInputStream(
                    new InflaterInputStream(checked, inflater, 64 * 1024), 64 * 1024));
            int state;
            while ((state = readVarIntOrEnd(entries)) >= 0) {
                if (state >= footer.states().size()) {
                    throw corrupt(file, "entry of unknown state " + state + " in key group " + keyGroup);
                }
                byte[] key = readBytes(entries);
                byte[] subKey = RocksDbLayout.hasSubKey(footer.states().get(state)) ? readBytes(entries) : null;
                consumer.accept(new Entry(keyGroup, state, key, subKey, readBytes(entries)));
            }
            checked.transferTo(OutputStream.nullOutputStream());
        } catch (java.util.zip.ZipException | EOFException e) {
            throw corrupt(file, "block of key group " + keyGroup + " is damaged (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        if ((int) crc.getValue() != footer.blockChecksums()[index]) {
            throw corrupt(file, "checksum mismatch in the block of key group " + keyGroup);
        }
    }

    private static IOException corrupt(StateFile file, String problem) {
        return new IOException(file.path() + " is corrupted: " + problem);
    }

    private static byte[] readFully(InputStream in, int length, StateFile file) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw corrupt(file, "ends early (truncated)");
        }
        return bytes;
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[readVarInt(in)];
        in.readFully(bytes);
        return bytes;
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = readVarIntOrEnd(in);
        if (value < 0) {
            throw new EOFException("end of data inside an entry");
        }
        return value;
    }

    /** A varint, or -1 at the end of the stream before its first byte. */
    private static int readVarIntOrEnd(InputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0) {
                    return -1;
                }
                throw new EOFException("end of data inside a length");
            }
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new EOFException("length out of range");
                }
                return value;
            }
        }
        throw new EOFException("malformed length");
    }

    /** Counts the bytes written, for block offsets. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }

    /** At most {@code limit} bytes of the stream under it, which it leaves open. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the file ends inside a block (truncated)");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(bytes, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new EOFException("the file ends inside a block (truncated)");
            }
            remaining -= read;
            return read;
        }
    }
}
