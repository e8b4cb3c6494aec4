package io.spindle.api.codec;

import io.spindle.api.Tuple2;
import io.spindle.api.Tuple3;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Codecs built from other codecs: tuples, lists, maps, optionals, nullables. */
final class Composites {

    private Composites() { }

    /** f0 then f1. */
    static final class Tuple2Codec<A, B> extends NonNullCodec<Tuple2<A, B>> {
        private final Codec<A> first;
        private final Codec<B> second;

        Tuple2Codec(Codec<A> first, Codec<B> second) {
            super("tuple2(" + idOf(first, "f0") + "," + idOf(second, "f1") + ")");
            this.first = first;
            this.second = second;
        }

        @Override
        void encodeNonNull(Tuple2<A, B> value, DataOutput out) throws IOException {
            encodePart(first, value.f0(), out, id(), "field f0");
            encodePart(second, value.f1(), out, id(), "field f1");
        }

        @Override
        public Tuple2<A, B> decode(DataInput in) throws IOException {
            A a = first.decode(in);
            B b = second.decode(in);
            return new Tuple2<>(a, b);
        }
    }

    /** f0, f1 then f2. */
    static final class Tuple3Codec<A, B, C> extends NonNullCodec<Tuple3<A, B, C>> {
        private final Codec<A> first;
        private final Codec<B> second;
        private final Codec<C> third;

        Tuple3Codec(Codec<A> first, Codec<B> second, Codec<C> third) {
            super("tuple3(" + idOf(first, "f0") + "," + idOf(second, "f1") + "," + idOf(third, "f2") + ")");
            this.first = first;
            this.second = second;
            this.third = third;
        }

        @Override
        void encodeNonNull(Tuple3<A, B, C> value, DataOutput out) throws IOException {
            encodePart(first, value.f0(), out, id(), "field f0");
            encodePart(second, value.f1(), out, id(), "field f1");
            encodePart(third, value.f2(), out, id(), "field f2");
        }

        @Override
        public Tuple3<A, B, C> decode(DataInput in) throws IOException {
            A a = first.decode(in);
            B b = second.decode(in);
            C c = third.decode(in);
            return new Tuple3<>(a, b, c);
        }
    }

    /** Varint element count, then the elements in list order. Decodes to an {@link ArrayList}. */
    static final class ListCodec<T> extends NonNullCodec<List<T>> {
        private final Codec<T> element;

        ListCodec(Codec<T> element) {
            super("list(" + idOf(element, "element") + ")");
            this.element = element;
        }

        @Override
        void encodeNonNull(List<T> value, DataOutput out) throws IOException {
            int size = value.size();
            Varints.writeLength(out, size);
            int written = 0;
            for (T item : value) {
                if (written == size) {
                    break;
                }
                if (item == null) {
                    encodePart(element, null, out, id(), "element ", written);
                } else {
                    element.encode(item, out);
                }
                written++;
            }
            if (written != size) {
                throw new ConcurrentModificationException(id() + ": list changed while it was encoded");
            }
        }

        @Override
        public List<T> decode(DataInput in) throws IOException {
            int size = Varints.readLength(in, id());
            List<T> list = new ArrayList<>(Varints.initialCapacity(size));
            for (int i = 0; i < size; i++) {
                list.add(element.decode(in));
            }
            return list;
        }
    }

    /**
     * Varint entry count, then key and value of each entry in the map's iteration order. Decodes to a
     * {@link LinkedHashMap} in encoded order; a repeated key is an error.
     */
    static final class MapCodec<K, V> extends NonNullCodec<Map<K, V>> {
        private final Codec<K> keys;
        private final Codec<V> values;

        MapCodec(Codec<K> keys, Codec<V> values) {
            super("map(" + idOf(keys, "key") + "," + idOf(values, "value") + ")");
            this.keys = keys;
            this.values = values;
        }

        @Override
        void encodeNonNull(Map<K, V> value, DataOutput out) throws IOException {
            int size = value.size();
            Varints.writeLength(out, size);
            int written = 0;
            for (Map.Entry<K, V> entry : value.entrySet()) {
                if (written == size) {
                    break;
                }
                K key = entry.getKey();
                encodePart(keys, key, out, id(), "a key");
                encodePart(values, entry.getValue(), out, id(), "the value of key ", key);
                written++;
            }
            if (written != size) {
                throw new ConcurrentModificationException(id() + ": map changed while it was encoded");
            }
        }

        @Override
        public Map<K, V> decode(DataInput in) throws IOException {
            int size = Varints.readLength(in, id());
            Map<K, V> map = new LinkedHashMap<>(Math.max(16, (int) (Varints.initialCapacity(size) / 0.75f) + 1));
            for (int i = 0; i < size; i++) {
                K key = keys.decode(in);
                map.put(key, values.decode(in));
                if (map.size() == i) {
                    throw new IOException(id() + ": key " + key + " occurs twice");
                }
            }
            return map;
        }
    }

    /** Byte 0 for empty; byte 1, then the value, for present. */
    static final class OptionalCodec<T> extends NonNullCodec<Optional<T>> {
        private final Codec<T> element;

        OptionalCodec(Codec<T> element) {
            super("optional(" + idOf(element, "element") + ")");
            this.element = element;
        }

        @Override
        void encodeNonNull(Optional<T> value, DataOutput out) throws IOException {
            if (value.isPresent()) {
                out.writeByte(1);
                element.encode(value.get(), out);
            } else {
                out.writeByte(0);
            }
        }

        @Override
        public Optional<T> decode(DataInput in) throws IOException {
            return readPresence(in, id()) ? Optional.of(element.decode(in)) : Optional.empty();
        }
    }

    /** Byte 0 for null; byte 1, then the value, otherwise. The one built-in codec that accepts null. */
    static final class NullableCodec<T> implements Codec<T> {
        private final Codec<T> element;
        private final String id;

        NullableCodec(Codec<T> element) {
            this.id = "nullable(" + NonNullCodec.idOf(element, "element") + ")";
            this.element = element;
        }

        @Override
        public void encode(T value, DataOutput out) throws IOException {
            if (value == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                element.encode(value, out);
            }
        }

        @Override
        public T decode(DataInput in) throws IOException {
            return readPresence(in, id) ? element.decode(in) : null;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static boolean readPresence(DataInput in, String codecId) throws IOException {
        int b = in.readUnsignedByte();
        if (b > 1) {
            throw new IOException(codecId + ": expected presence byte 0 or 1, got 0x" + Integer.toHexString(b));
        }
        return b == 1;
    }
}
