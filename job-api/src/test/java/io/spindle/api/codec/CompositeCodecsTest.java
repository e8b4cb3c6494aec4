package io.spindle.api.codec;

import io.spindle.api.Tuple2;
import io.spindle.api.Tuple3;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.spindle.api.codec.CodecTesting.decode;
import static io.spindle.api.codec.CodecTesting.encode;
import static io.spindle.api.codec.CodecTesting.hex;
import static io.spindle.api.codec.CodecTesting.hexOf;
import static io.spindle.api.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompositeCodecsTest {

    // ---- tuples

    @Test
    void tuple2RoundTrips() {
        Codec<Tuple2<String, Long>> codec = Codecs.tuple2(Codecs.STRING, Codecs.LONG);
        assertThat(roundTrip(codec, Tuple2.of("word", Long.MIN_VALUE))).isEqualTo(Tuple2.of("word", Long.MIN_VALUE));
    }

    @Test
    void tuple3RoundTrips() {
        Codec<Tuple3<Integer, Boolean, Double>> codec = Codecs.tuple3(Codecs.INT, Codecs.BOOLEAN, Codecs.DOUBLE);
        assertThat(roundTrip(codec, Tuple3.of(-7, true, 2.5))).isEqualTo(Tuple3.of(-7, true, 2.5));
    }

    @Test
    void tuple2IsItsFieldsInOrderWithNoHeader() throws IOException {
        assertThat(hexOf(encode(Codecs.tuple2(Codecs.STRING, Codecs.INT), Tuple2.of("a", 1))))
                .isEqualTo("0161" + "00000001");
    }

    @Test
    void aNullTupleFieldIsRejectedNamingTheField() {
        Codec<Tuple2<String, Long>> codec = Codecs.tuple2(Codecs.STRING, Codecs.LONG);
        assertThatThrownBy(() -> encode(codec, Tuple2.of("a", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("field f1 of tuple2(string,long) is null, and codec 'long' cannot encode null");
    }

    @Test
    void aNullableTupleFieldMayBeNull() {
        Codec<Tuple2<String, Long>> codec = Codecs.tuple2(Codecs.STRING, Codecs.nullable(Codecs.LONG));
        assertThat(roundTrip(codec, Tuple2.of("a", null))).isEqualTo(Tuple2.of("a", null));
    }

    // ---- lists

    @Test
    void listsRoundTripInOrder() {
        assertThat(roundTrip(Codecs.list(Codecs.INT), List.of(3, 1, 2))).containsExactly(3, 1, 2);
    }

    @Test
    void anEmptyListRoundTrips() {
        assertThat(roundTrip(Codecs.list(Codecs.STRING), List.of())).isEmpty();
    }

    @Test
    void listsDecodeToMutableArrayLists() {
        assertThat(roundTrip(Codecs.list(Codecs.INT), List.of(1))).isInstanceOf(ArrayList.class);
    }

    @Test
    void listsOfListsRoundTrip() {
        List<List<String>> nested = List.of(List.of(), List.of("a", ""), List.of("\ud83d\ude00"));
        assertThat(roundTrip(Codecs.list(Codecs.list(Codecs.STRING)), nested)).isEqualTo(nested);
    }

    @Test
    void aListIsAVarintCountThenTheElements() throws IOException {
        assertThat(hexOf(encode(Codecs.list(Codecs.SHORT), List.of((short) 1, (short) 2)))).isEqualTo("02" + "0001" + "0002");
    }

    @Test
    void aNullListElementIsRejectedNamingItsIndex() {
        assertThatThrownBy(() -> encode(Codecs.list(Codecs.STRING), Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("element 1 of list(string) is null");
    }

    @Test
    void aListWithFewerElementsThanItsCountIsAnEndOfFile() {
        assertThatThrownBy(() -> decode(Codecs.list(Codecs.INT), hex("02 00000001"))).isInstanceOf(EOFException.class);
    }

    // ---- maps

    @Test
    void mapsRoundTripPreservingEncodedOrder() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("zebra", 1);
        map.put("apple", 2);
        map.put("mango", 3);
        Map<String, Integer> decoded = roundTrip(Codecs.map(Codecs.STRING, Codecs.INT), map);
        assertThat(decoded).isInstanceOf(LinkedHashMap.class).containsExactly(
                Map.entry("zebra", 1), Map.entry("apple", 2), Map.entry("mango", 3));
    }

    @Test
    void anEmptyMapRoundTrips() {
        assertThat(roundTrip(Codecs.map(Codecs.STRING, Codecs.LONG), Map.of())).isEmpty();
    }

    @Test
    void mapsOfListsRoundTrip() {
        Map<String, List<Long>> map = new TreeMap<>(Map.of("a", List.of(1L, Long.MAX_VALUE), "b", List.of()));
        assertThat(roundTrip(Codecs.map(Codecs.STRING, Codecs.list(Codecs.LONG)), map)).isEqualTo(map);
    }

    @Test
    void aMapIsAVarintCountThenKeyValuePairsInIterationOrder() throws IOException {
        Map<String, Boolean> map = new TreeMap<>(Map.of("b", false, "a", true));
        assertThat(hexOf(encode(Codecs.map(Codecs.STRING, Codecs.BOOLEAN), map))).isEqualTo("02" + "016101" + "016200");
    }

    @Test
    void aNullMapValueIsRejectedNamingItsKey() {
        Map<String, Long> map = new HashMap<>();
        map.put("k", null);
        assertThatThrownBy(() -> encode(Codecs.map(Codecs.STRING, Codecs.LONG), map))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("the value of key k of map(string,long) is null");
    }

    @Test
    void aRepeatedKeyInEncodedMapIsRejected() {
        assertThatThrownBy(() -> decode(Codecs.map(Codecs.STRING, Codecs.BOOLEAN), hex("02 016101 016100")))
                .isInstanceOf(IOException.class)
                .hasMessage("map(string,boolean): key a occurs twice");
    }

    // ---- optional and nullable

    @Test
    void presentOptionalsRoundTrip() {
        assertThat(roundTrip(Codecs.optional(Codecs.STRING), Optional.of("x"))).contains("x");
    }

    @Test
    void emptyOptionalsRoundTrip() {
        assertThat(roundTrip(Codecs.optional(Codecs.STRING), Optional.empty())).isEmpty();
    }

    @Test
    void anOptionalIsAPresenceByteThenTheValue() throws IOException {
        assertThat(hexOf(encode(Codecs.optional(Codecs.INT), Optional.of(5)))).isEqualTo("01" + "00000005");
        assertThat(hexOf(encode(Codecs.optional(Codecs.INT), Optional.empty()))).isEqualTo("00");
    }

    @Test
    void nullableEncodesNullAsASingleZeroByte() throws IOException {
        assertThat(hexOf(encode(Codecs.nullable(Codecs.LONG), null))).isEqualTo("00");
        assertThat(hexOf(encode(Codecs.nullable(Codecs.LONG), 1L))).isEqualTo("01" + "0000000000000001");
    }

    @Test
    void nullableRoundTripsNullAndValues() {
        assertThat(roundTrip(Codecs.nullable(Codecs.STRING), null)).isNull();
        assertThat(roundTrip(Codecs.nullable(Codecs.STRING), "")).isEmpty();
    }

    @Test
    void nullableOfNullableIsTheSameCodec() {
        Codec<String> nullable = Codecs.nullable(Codecs.STRING);
        assertThat(Codecs.nullable(nullable)).isSameAs(nullable);
    }

    @Test
    void aPresenceByteOtherThanZeroOrOneIsRejected() {
        assertThatThrownBy(() -> decode(Codecs.optional(Codecs.INT), hex("07")))
                .isInstanceOf(IOException.class)
                .hasMessage("optional(int): expected presence byte 0 or 1, got 0x7");
    }

    @Test
    void aTruncatedOptionalIsAnEndOfFile() {
        assertThatThrownBy(() -> decode(Codecs.optional(Codecs.LONG), hex("01 0000"))).isInstanceOf(EOFException.class);
    }

    // ---- nesting and ids

    @Test
    void deeplyNestedStructuresRoundTrip() {
        Codec<Map<String, List<Tuple2<Integer, Optional<byte[]>>>>> codec = Codecs.map(Codecs.STRING,
                Codecs.list(Codecs.tuple2(Codecs.INT, Codecs.optional(Codecs.BYTES))));
        Map<String, List<Tuple2<Integer, Optional<byte[]>>>> value = Map.of("k",
                List.of(Tuple2.of(1, Optional.of(new byte[] {9, 8})), Tuple2.of(2, Optional.empty())));

        Map<String, List<Tuple2<Integer, Optional<byte[]>>>> decoded = roundTrip(codec, value);

        assertThat(decoded.get("k")).hasSize(2);
        assertThat(decoded.get("k").get(0).f0()).isEqualTo(1);
        assertThat(decoded.get("k").get(0).f1()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(9, 8));
        assertThat(decoded.get("k").get(1)).isEqualTo(Tuple2.of(2, Optional.empty()));
    }

    @Test
    void compositeIdsNameTheirParts() {
        assertThat(Codecs.tuple2(Codecs.STRING, Codecs.LONG).id()).isEqualTo("tuple2(string,long)");
        assertThat(Codecs.tuple3(Codecs.INT, Codecs.BYTES, Codecs.CHAR).id()).isEqualTo("tuple3(int,bytes,char)");
        assertThat(Codecs.list(Codecs.INT).id()).isEqualTo("list(int)");
        assertThat(Codecs.map(Codecs.STRING, Codecs.list(Codecs.LONG)).id()).isEqualTo("map(string,list(long))");
        assertThat(Codecs.optional(Codecs.STRING).id()).isEqualTo("optional(string)");
        assertThat(Codecs.nullable(Codecs.DOUBLE).id()).isEqualTo("nullable(double)");
    }

    @Test
    void compositeToStringIsTheId() {
        assertThat(Codecs.nullable(Codecs.list(Codecs.BOOLEAN))).hasToString("nullable(list(boolean))");
        assertThat(Codecs.map(Codecs.INT, Codecs.FLOAT)).hasToString("map(int,float)");
    }

    @Test
    void aCompositeOfANullCodecIsRejectedWhenBuilt() {
        assertThatThrownBy(() -> Codecs.list(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("element codec is null");
    }

    @Test
    void encodingANullListIsRejectedNamingTheCodec() {
        assertThatThrownBy(() -> encode(Codecs.list(Codecs.INT), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("codec 'list(int)' cannot encode null");
    }

    @Test
    void userCodecsComposeWithBuiltIns() {
        Codec<String> upper = new Codec<>() {
            @Override
            public void encode(String value, java.io.DataOutput out) throws IOException {
                Codecs.STRING.encode(value.toUpperCase(java.util.Locale.ROOT), out);
            }

            @Override
            public String decode(java.io.DataInput in) throws IOException {
                return Codecs.STRING.decode(in);
            }

            @Override
            public String id() {
                return "upper";
            }
        };
        Codec<List<String>> codec = Codecs.list(upper);
        assertThat(codec.id()).isEqualTo("list(upper)");
        assertThat(roundTrip(codec, List.of("a", "b"))).containsExactly("A", "B");
    }
}
