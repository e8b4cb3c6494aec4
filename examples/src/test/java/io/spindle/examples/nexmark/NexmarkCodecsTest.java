package io.spindle.examples.nexmark;

import io.spindle.api.codec.Codec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NexmarkCodecsTest {

    @Test
    void everyKindOfEventDecodesToItself() {
        assertThat(LongStream.range(0, 10_000).mapToObj(NexmarkGenerator::event))
                .allSatisfy(event -> assertThat(roundTrip(NexmarkCodecs.EVENT, event)).isEqualTo(event));
    }

    @Test
    void eachRecordsOwnCodecDecodesItToItself() throws IOException {
        Person person = new Person(7, "p7", "Bend", "WA", 1);
        Auction auction = new Auction(1, 2, 3, 4, 5, 6);
        Bid bid = new Bid(1, 2, 3, "Baidu", 4);

        assertThat(roundTrip(NexmarkCodecs.PERSON, person)).isEqualTo(person);
        assertThat(roundTrip(NexmarkCodecs.AUCTION, auction)).isEqualTo(auction);
        assertThat(roundTrip(NexmarkCodecs.BID, bid)).isEqualTo(bid);
    }

    @Test
    void stringsOutsideTheTablesAndExtremeNumbersSurvive() throws IOException {
        Person person = new Person(Long.MIN_VALUE, "", "Zürich", "", Long.MAX_VALUE);
        Bid bid = new Bid(-1, 0, 127, "Bing 🦆", -128);

        assertThat(roundTrip(NexmarkCodecs.PERSON, person)).isEqualTo(person);
        assertThat(roundTrip(NexmarkCodecs.BID, bid)).isEqualTo(bid);
    }

    @Test
    void aGeneratedBidTakesSixteenBytesAsAnEvent() throws IOException {
        assertThat(encode(NexmarkCodecs.EVENT, NexmarkGenerator.event(1_234_567))).hasSize(16);
    }

    @Test
    void anUnknownEventTypeFailsTheDecode() {
        assertThatThrownBy(() -> decode(NexmarkCodecs.EVENT, new byte[] {9}))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown event type 9");
    }

    @Test
    void aVarintLongerThanALongFailsTheDecode() {
        byte[] elevenBytes = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1};

        assertThatThrownBy(() -> decode(NexmarkCodecs.BID, elevenBytes)).isInstanceOf(IOException.class);
    }

    private static <T> T roundTrip(Codec<T> codec, T value) throws IOException {
        return decode(codec, encode(codec, value));
    }

    private static <T> byte[] encode(Codec<T> codec, T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.encode(value, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static <T> T decode(Codec<T> codec, byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        T value = codec.decode(in);
        assertThat(in.available()).as("bytes left after decoding").isZero();
        return value;
    }
}
