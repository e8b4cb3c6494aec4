package io.spindle.state.rocksdb;

import io.spindle.api.state.StateDescriptor;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.StateException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of keyed state in RocksDB; checkpoints and savepoints are built on this layout.
 *
 * <pre>
 * column family  "s:" + state name (UTF-8), one per declared state
 * key            [key group: u16 big-endian][n: varint][n bytes: key codec]  value, list, reducing state
 *                [key group: u16 big-endian][n: varint][n bytes: key codec][user key codec bytes]  map state
 * value          value and reducing state: the value codec's bytes
 *                map state: the map value codec's bytes
 *                list state: per element, in order, [m: varint][m bytes: element codec]
 * varint         unsigned LEB128: 7 bits per byte, least significant group first, high bit = more follows
 *
 * default column family, one entry per declared state, so that checkpoints carry what each state was declared as:
 * key            "s:" + state name (UTF-8)
 * value          kind name (VALUE, LIST, MAP, REDUCING), a zero byte, the codec id (UTF-8)
 * </pre>
 *
 * <p>Because the key group leads, the keys of a key-group range are one contiguous byte range
 * ({@link #keyGroupPrefix}(start) inclusive to {@link #keyGroupPrefix}(end + 1) exclusive), sorted by key
 * group. Because the key is length-prefixed, no key's bytes are a prefix of another key's, so the entries
 * of one key's map are exactly the range starting with that key's prefix, ordered by the encoded user key.
 */
public final class RocksDbLayout {

    /** Bytes of the key-group prefix that starts every key. */
    public static final int KEY_GROUP_BYTES = 2;

    /** Prefix of the column family names of keyed states (keeps them apart from RocksDB's "default"). */
    public static final String STATE_COLUMN_FAMILY_PREFIX = "s:";

    private RocksDbLayout() { }

    public static byte[] columnFamilyName(String stateName) {
        return (STATE_COLUMN_FAMILY_PREFIX + stateName).getBytes(StandardCharsets.UTF_8);
    }

    /** The key of a state's declaration in the default column family. */
    public static byte[] stateMetaKey(String stateName) {
        return columnFamilyName(stateName);
    }

    /** What a state was declared as, in the default column family. */
    public static byte[] stateMeta(StateDescriptor.Kind kind, String codecId) {
        return (kind.name() + '\0' + codecId).getBytes(StandardCharsets.UTF_8);
    }

    /** The kind in {@link #stateMeta} bytes. */
    public static StateDescriptor.Kind stateMetaKind(byte[] meta) {
        String text = new String(meta, StandardCharsets.UTF_8);
        int separator = text.indexOf('\0');
        try {
            return StateDescriptor.Kind.valueOf(separator < 0 ? text : text.substring(0, separator));
        } catch (IllegalArgumentException e) {
            throw new StateException("unknown kind of state in a state declaration: " + text);
        }
    }

    /** The codec id in {@link #stateMeta} bytes. */
    public static String stateMetaCodecId(byte[] meta) {
        String text = new String(meta, StandardCharsets.UTF_8);
        int separator = text.indexOf('\0');
        if (separator < 0) {
            throw new StateException("malformed state declaration: " + text);
        }
        return text.substring(separator + 1);
    }

    /**
     * The two leading bytes of every key in key group {@code keyGroup}; {@code keyGroup} may be
     * {@link KeyGroups#MAX_MAX_PARALLELISM}, as the exclusive end of the last group.
     */
    public static byte[] keyGroupPrefix(int keyGroup) {
        checkKeyGroup(keyGroup);
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }

    /** The key group a column family key starts with. */
    public static int keyGroupOf(byte[] columnFamilyKey) {
        if (columnFamilyKey.length < KEY_GROUP_BYTES) {
            throw new StateException("state key of " + columnFamilyKey.length + " bytes has no key group");
        }
        return (columnFamilyKey[0] & 0xff) << 8 | (columnFamilyKey[1] & 0xff);
    }

    /** [key group][varint length][key bytes]: the whole key of value, list and reducing state. */
    public static byte[] keyPrefix(int keyGroup, byte[] key, int offset, int length) {
        checkKeyGroup(keyGroup);
        byte[] prefix = new byte[KEY_GROUP_BYTES + varIntSize(length) + length];
        prefix[0] = (byte) (keyGroup >>> 8);
        prefix[1] = (byte) keyGroup;
        int position = writeVarInt(length, prefix, KEY_GROUP_BYTES);
        System.arraycopy(key, offset, prefix, position, length);
        return prefix;
    }

    /** The whole column family key of an entry: {@link #keyPrefix}, then a map state's user key (null otherwise). */
    public static byte[] columnFamilyKey(int keyGroup, byte[] key, byte[] userKey) {
        byte[] prefix = keyPrefix(keyGroup, key, 0, key.length);
        if (userKey == null) {
            return prefix;
        }
        byte[] whole = Arrays.copyOf(prefix, prefix.length + userKey.length);
        System.arraycopy(userKey, 0, whole, prefix.length, userKey.length);
        return whole;
    }

    /** Where the key's bytes start in a column family key. */
    public static int keyStart(byte[] columnFamilyKey) {
        return KEY_GROUP_BYTES + varIntSize(keyLength(columnFamilyKey));
    }

    /** How many bytes the key codec wrote for the key of a column family key. */
    public static int keyLength(byte[] columnFamilyKey) {
        return readVarInt(columnFamilyKey, KEY_GROUP_BYTES);
    }

    /** Where the key's bytes end in a column family key: the start of a map state's user key. */
    public static int keyEnd(byte[] columnFamilyKey) {
        int end = keyStart(columnFamilyKey) + keyLength(columnFamilyKey);
        if (end > columnFamilyKey.length) {
            throw new StateException("state key of " + columnFamilyKey.length + " bytes is shorter than its "
                    + "key length says (" + end + ")");
        }
        return end;
    }

    public static int varIntSize(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative length " + value);
        }
        int size = 1;
        while ((value >>>= 7) != 0) {
            size++;
        }
        return size;
    }

    /** Writes {@code value} as a varint at {@code position}; returns the position after it. */
    public static int writeVarInt(int value, byte[] target, int position) {
        while ((value & ~0x7f) != 0) {
            target[position++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        target[position++] = (byte) value;
        return position;
    }

    /** Reads the varint at {@code position}; its size is {@link #varIntSize} of the result. */
    public static int readVarInt(byte[] source, int position) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            if (position >= source.length) {
                throw new StateException("state bytes end inside a length");
            }
            byte b = source[position++];
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                if (value < 0) {
                    throw new StateException("length out of range in state bytes");
                }
                return value;
            }
        }
        throw new StateException("malformed length in state bytes");
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void checkKeyGroup(int keyGroup) {
        if (keyGroup < 0 || keyGroup > KeyGroups.MAX_MAX_PARALLELISM) {
            throw new IllegalArgumentException("key group " + keyGroup + " out of 0.." + KeyGroups.MAX_MAX_PARALLELISM);
        }
    }
}
