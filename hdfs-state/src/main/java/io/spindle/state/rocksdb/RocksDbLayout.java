package io.spindle.state.rocksdb;

import io.spindle.core.graph.StateDeclaration;
import io.spindle.core.graph.StateKind;
import io.spindle.core.keys.KeyGroups;
import io.spindle.state.StateException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of keyed state in RocksDB; checkpoints and savepoints are built on this layout.
 *
 * <pre>
 * column family  "s:" + state name (UTF-8), one per declared state; "t:" + name, one per timer service
 * key            [key group: u16 big-endian][n: varint][n bytes: key codec]  value, list, reducing state
 *                [key group][n][key bytes][user key codec bytes]  map state
 *                [key group][n][key bytes][namespace codec bytes]  namespaced value and list state
 *                [key group][time: 8 bytes big-endian, sign bit flipped][n][key bytes][namespace codec bytes]  timers
 * value          value and reducing state: the value codec's bytes
 *                map state: the map value codec's bytes
 *                list state: per element, in order, [m: varint][m bytes: element codec]
 *                timers: empty
 * varint         unsigned LEB128: 7 bits per byte, least significant group first, high bit = more follows
 *
 * default column family, one entry per declared state or timer service, so that checkpoints carry what each
 * was declared as:
 * key            its column family's name
 * value          kind name (VALUE, LIST, MAP, REDUCING, TIMERS), a zero byte, the codec id (UTF-8; empty for
 *                timers), and only if it has namespaces: a zero byte, the namespace codec id
 * </pre>
 *
 * <p>Because the key group leads, the keys of a key-group range are one contiguous byte range
 * ({@link #keyGroupPrefix}(start) inclusive to {@link #keyGroupPrefix}(end + 1) exclusive), sorted by key
 * group. Because the key is length-prefixed, no key's bytes are a prefix of another key's, so the entries
 * of one key's map are exactly the range starting with that key's prefix, ordered by the encoded user key.
 * A timer's time follows the key group, so a key group's timers are sorted by time (the flipped sign bit sorts
 * negative times first), then by key and namespace.
 *
 * <p>A <em>sub-key</em> is what tells apart the entries of one key in one state: a map's user key, a
 * namespace, a timer's time and namespace ({@link #hasSubKey}). Canonical savepoints store an entry as its key
 * and sub-key, from which {@link #columnFamilyKey} rebuilds exactly the same RocksDB key.
 */
public final class RocksDbLayout {

    /** Bytes of the key-group prefix that starts every key. */
    public static final int KEY_GROUP_BYTES = 2;
    /** Bytes of a timer's time, after the key group. */
    public static final int TIME_BYTES = 8;

    /** Prefix of the column family names of keyed states (keeps them apart from RocksDB's "default"). */
    public static final String STATE_COLUMN_FAMILY_PREFIX = "s:";
    /** Prefix of the column family names of timer services (keeps them apart from states of the same name). */
    public static final String TIMERS_COLUMN_FAMILY_PREFIX = "t:";

    private static final char META_SEPARATOR = '\0';

    private RocksDbLayout() { }

    public static byte[] columnFamilyName(StateDeclaration state) {
        String prefix = state.kind() == StateKind.TIMERS ? TIMERS_COLUMN_FAMILY_PREFIX : STATE_COLUMN_FAMILY_PREFIX;
        return (prefix + state.name()).getBytes(StandardCharsets.UTF_8);
    }

    /** The state or timer service name of a column family of the backend; null for any other column family. */
    public static String declaredName(byte[] columnFamilyName) {
        String name = new String(columnFamilyName, StandardCharsets.UTF_8);
        for (String prefix : List.of(STATE_COLUMN_FAMILY_PREFIX, TIMERS_COLUMN_FAMILY_PREFIX)) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return null;
    }

    /** What a state was declared as, kept in the default column family under its column family's name. */
    public static byte[] stateMeta(StateDeclaration state) {
        String meta = state.kind().name() + META_SEPARATOR + state.codecId();
        if (state.namespaced()) {
            meta += META_SEPARATOR + state.namespaceCodecId();
        }
        return meta.getBytes(StandardCharsets.UTF_8);
    }

    /** The declaration of keyed state {@code name} that {@link #stateMeta} bytes record. */
    public static StateDeclaration declaration(String name, byte[] meta) {
        String text = new String(meta, StandardCharsets.UTF_8);
        String[] parts = text.split(String.valueOf(META_SEPARATOR), -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new StateException("malformed declaration of state '" + name + "': " + text);
        }
        StateKind kind;
        try {
            kind = StateKind.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new StateException("unknown kind of state in the declaration of state '" + name + "': " + text);
        }
        return new StateDeclaration(name, kind, parts[1], true, parts.length == 3 ? parts[2] : "");
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

    /** Whether the entries of {@code state} have a sub-key after (timers: around) the key. */
    public static boolean hasSubKey(StateDeclaration state) {
        return state.kind() == StateKind.MAP || state.kind() == StateKind.TIMERS || state.namespaced();
    }

    /** The whole column family key of an entry of {@code state}: the inverse of {@link #key} and {@link #subKey}. */
    public static byte[] columnFamilyKey(StateDeclaration state, int keyGroup, byte[] key, byte[] subKey) {
        byte[] prefix = keyPrefix(keyGroup, key, 0, key.length);
        if (!hasSubKey(state)) {
            return prefix;
        }
        byte[] whole = new byte[prefix.length + subKey.length];
        if (state.kind() == StateKind.TIMERS) {
            // [key group][time] from the sub-key's time, then the key's [n][bytes], then the namespace
            whole[0] = prefix[0];
            whole[1] = prefix[1];
            System.arraycopy(subKey, 0, whole, KEY_GROUP_BYTES, TIME_BYTES);
            System.arraycopy(prefix, KEY_GROUP_BYTES, whole, KEY_GROUP_BYTES + TIME_BYTES,
                    prefix.length - KEY_GROUP_BYTES);
            System.arraycopy(subKey, TIME_BYTES, whole, prefix.length + TIME_BYTES, subKey.length - TIME_BYTES);
        } else {
            System.arraycopy(prefix, 0, whole, 0, prefix.length);
            System.arraycopy(subKey, 0, whole, prefix.length, subKey.length);
        }
        return whole;
    }

    /** The key's bytes in a column family key of {@code state}. */
    public static byte[] key(StateDeclaration state, byte[] columnFamilyKey) {
        int lengthAt = lengthPosition(state.kind());
        int start = lengthAt + varIntSize(readVarInt(columnFamilyKey, lengthAt));
        return Arrays.copyOfRange(columnFamilyKey, start, keyEnd(columnFamilyKey, lengthAt));
    }

    /** The sub-key in a column family key of {@code state}; null if it has none (then no byte may follow the key). */
    public static byte[] subKey(StateDeclaration state, byte[] columnFamilyKey) {
        int keyEnd = keyEnd(columnFamilyKey, lengthPosition(state.kind()));
        if (!hasSubKey(state)) {
            if (keyEnd != columnFamilyKey.length) {
                throw new StateException("a key of state '" + state.name() + "' has trailing bytes");
            }
            return null;
        }
        if (state.kind() != StateKind.TIMERS) {
            return Arrays.copyOfRange(columnFamilyKey, keyEnd, columnFamilyKey.length);
        }
        byte[] subKey = new byte[TIME_BYTES + columnFamilyKey.length - keyEnd];
        System.arraycopy(columnFamilyKey, KEY_GROUP_BYTES, subKey, 0, TIME_BYTES);
        System.arraycopy(columnFamilyKey, keyEnd, subKey, TIME_BYTES, columnFamilyKey.length - keyEnd);
        return subKey;
    }

    /** Where the key's length is in a column family key of that kind: after the key group, and a timer's time. */
    private static int lengthPosition(StateKind kind) {
        return kind == StateKind.TIMERS ? KEY_GROUP_BYTES + TIME_BYTES : KEY_GROUP_BYTES;
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
        return keyEnd(columnFamilyKey, KEY_GROUP_BYTES);
    }

    private static int keyEnd(byte[] columnFamilyKey, int lengthAt) {
        int length = readVarInt(columnFamilyKey, lengthAt);
        int end = lengthAt + varIntSize(length) + length;
        if (end > columnFamilyKey.length) {
            throw new StateException("state key of " + columnFamilyKey.length + " bytes is shorter than its "
                    + "key length says (" + end + ")");
        }
        return end;
    }

    // ---- timers ------------------------------------------------------------------------------------

    /** Writes the key of a timer of the key with that {@link #keyPrefix} at {@code time}, before its namespace. */
    static void writeTimerKey(ScratchOutput out, byte[] keyPrefix, long time) {
        out.write(keyPrefix, 0, KEY_GROUP_BYTES);
        out.writeLong(time ^ Long.MIN_VALUE);
        out.write(keyPrefix, KEY_GROUP_BYTES, keyPrefix.length - KEY_GROUP_BYTES);
    }

    /** The time of a timer's column family key. */
    static long timerTime(byte[] timerKey) {
        long sortable = 0;
        for (int i = KEY_GROUP_BYTES; i < KEY_GROUP_BYTES + TIME_BYTES; i++) {
            sortable = sortable << 8 | (timerKey[i] & 0xff);
        }
        return sortable ^ Long.MIN_VALUE;
    }

    /** The key's {@link #keyPrefix} in a timer's column family key. */
    static byte[] timerKeyPrefix(byte[] timerKey) {
        int end = timerKeyEnd(timerKey);
        byte[] prefix = new byte[end - TIME_BYTES];
        prefix[0] = timerKey[0];
        prefix[1] = timerKey[1];
        System.arraycopy(timerKey, KEY_GROUP_BYTES + TIME_BYTES, prefix, KEY_GROUP_BYTES, prefix.length - KEY_GROUP_BYTES);
        return prefix;
    }

    /** Where the key's bytes end in a timer's column family key: the start of its namespace. */
    static int timerKeyEnd(byte[] timerKey) {
        return keyEnd(timerKey, KEY_GROUP_BYTES + TIME_BYTES);
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
