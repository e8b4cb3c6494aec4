package io.spindle.runtime.io;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.runtime.metrics.TaskIoMetrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecordWriterTest {

    private static final int BUFFER_SIZE = 64;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Codec<Object> STRING = (Codec) Codecs.STRING;

    /** What the writer sent on each channel, in order. */
    private final List<List<Buffer>> sent = List.of(new ArrayList<>(), new ArrayList<>());
    private final ElementTimestamp timestamp = new ElementTimestamp();
    private final TaskIoMetrics io = new TaskIoMetrics(true);

    private RecordWriter writer(ChannelSelector selector) {
        List<OutboundChannel> channels = new ArrayList<>();
        for (List<Buffer> buffers : sent) {
            channels.add(new ListChannel(buffers));
        }
        return new RecordWriter(channels, selector, STRING, timestamp, BUFFER_SIZE, io);
    }

    /** Everything to channel 0. */
    private RecordWriter writer() {
        return writer(record -> 0);
    }

    private List<String> elements(int channel) throws Exception {
        return ElementLog.read(STRING, sent.get(channel));
    }

    @Test
    void recordsCarryTheChainsTimestampWhileItIsSet() throws Exception {
        RecordWriter writer = writer();

        writer.emit("untimed");
        timestamp.set(-5);
        writer.emit("early");
        timestamp.set(1_767_225_600_000L);
        writer.emit("timed");
        timestamp.clear();
        writer.emit("untimed again");
        writer.flush();

        assertThat(elements(0)).containsExactly("record untimed", "record early @-5", "record timed @1767225600000",
                "record untimed again");
    }

    @Test
    void watermarksAndIdlenessReachEveryChannelBehindTheRecordsBeforeThem() throws Exception {
        RecordWriter writer = writer(record -> ((String) record).startsWith("0") ? 0 : 1);
        writer.emit("0-a");
        writer.emit("1-a");

        writer.broadcastWatermark(42);
        writer.broadcastWatermarkStatus(true);
        writer.broadcastWatermarkStatus(false);
        writer.emit("1-b");
        writer.broadcastWatermark(Long.MAX_VALUE);
        writer.flush();

        assertThat(elements(0)).containsExactly("record 0-a", "watermark 42", "idle", "active",
                "watermark " + Long.MAX_VALUE);
        assertThat(elements(1)).containsExactly("record 1-a", "watermark 42", "idle", "active", "record 1-b",
                "watermark " + Long.MAX_VALUE);
    }

    @Test
    void recordsSpreadOverManyBuffersComeOutWholeAndInOrder() throws Exception {
        RecordWriter writer = writer();
        List<String> records = IntStream.range(0, 200).mapToObj(i -> "r" + i + "-" + "x".repeat(i % 40)).toList();

        for (String record : records) {
            writer.emit(record);
        }
        writer.flush();

        assertThat(sent.get(0)).hasSizeGreaterThan(10).allSatisfy(buffer ->
                assertThat(buffer.length()).isPositive().isLessThanOrEqualTo(BUFFER_SIZE));
        assertThat(elements(0)).containsExactlyElementsOf(records.stream().map(r -> "record " + r).toList());
    }

    @Test
    void aRecordLargerThanABufferTravelsInABufferOfItsOwn() throws Exception {
        RecordWriter writer = writer();
        // longer than 127 bytes: its length takes two bytes of varint
        String large = "y".repeat(10 * BUFFER_SIZE);

        writer.emit("small");
        writer.emit(large);
        writer.emit("after");
        writer.flush();

        assertThat(sent.get(0)).extracting(Buffer::length).hasSize(3).element(1).isEqualTo(1 + 2 + 2 + large.length());
        assertThat(elements(0)).containsExactly("record small", "record " + large, "record after");
    }

    @Test
    void aBufferIsSentOnceTheNextRecordDoesNotFitInIt() throws Exception {
        RecordWriter writer = writer();
        String record = "z".repeat(20);

        writer.emit(record);
        writer.emit(record);
        assertThat(sent.get(0)).as("two records of 23 bytes fit in 64").isEmpty();

        writer.emit(record);
        assertThat(sent.get(0)).hasSize(1);
        assertThat(elements(0)).containsExactly("record " + record, "record " + record);
    }

    @Test
    void flushSendsThePartlyFilledBuffersAndNothingWhenNoneIsPending() throws Exception {
        RecordWriter writer = writer(new ChannelSelector.RoundRobin(0, 2));
        writer.emit("a");

        writer.flush();
        writer.flush();

        assertThat(sent.get(0)).hasSize(1);
        assertThat(sent.get(1)).isEmpty();
    }

    @Test
    void aFlushLeavesTheBufferFillingWhileTheConsumerHasNoRoomForIt() throws Exception {
        LocalChannel channel = new LocalChannel(1);
        RecordWriter writer = new RecordWriter(List.of(channel), record -> 0, STRING, timestamp, BUFFER_SIZE, io);
        writer.emit("a");
        writer.flush();

        writer.emit("b");
        writer.flush();
        assertThat(ElementLog.read(STRING, List.of(channel.poll()))).containsExactly("record a");
        assertThat(channel.poll()).isNull();

        writer.emit("c");
        writer.flush();
        assertThat(ElementLog.read(STRING, List.of(channel.poll()))).containsExactly("record b", "record c");
    }

    @Test
    void eventsReachEveryChannelAfterAllEarlierRecords() throws Exception {
        RecordWriter writer = writer(new ChannelSelector.RoundRobin(0, 2));

        writer.emit("a");
        writer.emit("b");
        writer.emit("c");
        writer.broadcastBarrier(CheckpointBarrier.checkpoint(1));
        writer.emit("d");
        writer.endOfInput();
        writer.broadcastBarrier(CheckpointBarrier.finalCheckpoint(2));
        writer.endOfPartition();

        assertThat(elements(0)).containsExactly("record a", "record c", "barrier 1", "endOfInput", "barrier 2 final",
                "endOfPartition");
        assertThat(elements(1)).containsExactly("record b", "barrier 1", "record d", "endOfInput", "barrier 2 final",
                "endOfPartition");
    }

    @Test
    void aBroadcastRecordGoesToEveryChannelAndCountsOnce() throws Exception {
        RecordWriter writer = writer(record -> ChannelSelector.ALL);

        writer.emit("everyone");
        writer.flush();

        assertThat(elements(0)).containsExactly("record everyone");
        assertThat(elements(1)).containsExactly("record everyone");
        assertThat(writer.recordsOut()).isEqualTo(1);
    }
}
