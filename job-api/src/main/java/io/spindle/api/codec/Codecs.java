package io.spindle.api.codec;

import io.spindle.api.Tuple2;
import io.spindle.api.Tuple3;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in codecs. Their byte layouts are part of the savepoint format and must not change:
 *
 * <ul>
 *   <li>{@link #BOOLEAN} "boolean": one byte, 0 or 1 (anything else fails the decode).</li>
 *   <li>{@link #BYTE} "byte": one byte. {@link #SHORT} "short": 2 bytes, {@link #INT} "int": 4 bytes,
 *       {@link #LONG} "long": 8 bytes, all two's complement big-endian.</li>
 *   <li>{@link #FLOAT} "float" / {@link #DOUBLE} "double": 4 / 8 bytes big-endian IEEE 754
 *       ({@code floatToIntBits}/{@code doubleToLongBits}: every NaN becomes the canonical NaN).</li>
 *   <li>{@link #CHAR} "char": one UTF-16 code unit, 2 bytes big-endian.</li>
 *   <li>{@link #STRING} "string": varint byte count, then standard UTF-8 (not Java's modified UTF-8, no 64 KB
 *       limit). A string with an unpaired surrogate cannot be encoded.</li>
 *   <li>{@link #BYTES} "bytes": varint length, then the bytes.</li>
 *   <li>{@link #tuple2} "tuple2(a,b)", {@link #tuple3} "tuple3(a,b,c)": the fields in order, no header.</li>
 *   <li>{@link #list} "list(e)": varint count, then the elements.</li>
 *   <li>{@link #map} "map(k,v)": varint count, then key, value, key, value... in the map's iteration order.</li>
 *   <li>{@link #optional} "optional(e)" and {@link #nullable} "nullable(e)": byte 0 for absent; byte 1 then
 *       the value.</li>
 *   <li>{@link #enumCodec} "enum(com.acme.Color)": the constant's name, encoded like a string.</li>
 *   <li>{@link #record} "record(com.acme.Point:x=int,y=int)": the components in declaration order, no header.</li>
 * </ul>
 *
 * <p>A varint is an unsigned LEB128 number: 7 bits per byte, low group first, high bit set on all bytes but the
 * last (0..127 in one byte). Codecs are immutable and thread-safe; all of them but {@link #nullable} reject null
 * with a {@link NullPointerException} naming the codec. Decoding bad input (truncated, a negative or oversized
 * length, an unknown enum constant, a bad presence byte) throws an {@link java.io.IOException}.
 */
public final class Codecs {

    public static final Codec<Boolean> BOOLEAN = Scalars.BOOLEAN;
    public static final Codec<Byte> BYTE = Scalars.BYTE;
    public static final Codec<Short> SHORT = Scalars.SHORT;
    public static final Codec<Integer> INT = Scalars.INT;
    public static final Codec<Long> LONG = Scalars.LONG;
    public static final Codec<Float> FLOAT = Scalars.FLOAT;
    public static final Codec<Double> DOUBLE = Scalars.DOUBLE;
    public static final Codec<Character> CHAR = Scalars.CHAR;
    public static final Codec<String> STRING = Scalars.STRING;
    public static final Codec<byte[]> BYTES = Scalars.BYTES;

    private Codecs() { }

    public static <A, B> Codec<Tuple2<A, B>> tuple2(Codec<A> f0, Codec<B> f1) {
        return new Composites.Tuple2Codec<>(f0, f1);
    }

    public static <A, B, C> Codec<Tuple3<A, B, C>> tuple3(Codec<A> f0, Codec<B> f1, Codec<C> f2) {
        return new Composites.Tuple3Codec<>(f0, f1, f2);
    }

    /** Decodes to a mutable {@link java.util.ArrayList}. */
    public static <T> Codec<List<T>> list(Codec<T> element) {
        return new Composites.ListCodec<>(element);
    }

    /** Decodes to a mutable {@link java.util.LinkedHashMap} in encoded order; a repeated key fails the decode. */
    public static <K, V> Codec<Map<K, V>> map(Codec<K> key, Codec<V> value) {
        return new Composites.MapCodec<>(key, value);
    }

    public static <T> Codec<Optional<T>> optional(Codec<T> element) {
        return new Composites.OptionalCodec<>(element);
    }

    /** Lets {@code element}'s values be null, at the cost of one presence byte. */
    public static <T> Codec<T> nullable(Codec<T> element) {
        if (element instanceof Composites.NullableCodec) {
            return element;
        }
        return new Composites.NullableCodec<>(element);
    }

    /** Encodes a constant by its name, so reordering or adding constants keeps stored state readable. */
    public static <E extends Enum<E>> Codec<E> enumCodec(Class<E> type) {
        return new EnumCodec<>(type);
    }

    /**
     * Derives a record's codec from its components' declared types: primitives and their boxes, String, byte[],
     * enums, records, and List, Map, Optional, Tuple2, Tuple3 of those. Records containing themselves through a
     * List, Map or Optional are supported. Throws {@link IllegalArgumentException} now, naming the component, if a
     * component's type has no codec; give it with {@link #record(Class, Map)}.
     */
    public static <R extends Record> Codec<R> record(Class<R> type) {
        return RecordDerivation.derive(type, Map.of());
    }

    /**
     * As {@link #record(Class)}, with the codecs of some components given by component name; they take precedence
     * over derivation (for example {@code nullable(...)} for a component that may be null). Only this record's own
     * components can be given; for a nested record's component, pass a codec for the nested record.
     */
    public static <R extends Record> Codec<R> record(Class<R> type, Map<String, Codec<?>> componentCodecs) {
        return RecordDerivation.derive(type, componentCodecs);
    }
}
