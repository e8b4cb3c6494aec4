package io.spindle.runtime.io;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.runtime.metrics.TaskIoMetrics;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordReaderTest {

    /** The buffers of the records, encoded with {@code codec} as a producer does. */
    @SuppressWarnings("unchecked")
    private static <T> List<Buffer> written(Codec<T> codec, List<T> records) throws Exception {
        List<Buffer> buffers = new ArrayList<>();
        RecordWriter writer = new RecordWriter(List.of(new ListChannel(buffers)), record -> 0, (Codec<Object>) codec,
                new ElementTimestamp(), 1024, new TaskIoMetrics(true));
        for (T record : records) {
            writer.emit(record);
        }
        writer.flush();
        return buffers;
    }

    @Test
    void aCodecThatLeavesBytesOfARecordUnreadIsReportedAsNotTheProducersCodec() throws Exception {
        List<Buffer> longs = written(Codecs.LONG, List.of(7L));

        assertThatThrownBy(() -> ElementLog.read(Codecs.INT, longs)).isInstanceOf(IOException.class)
                .hasMessage("codec int left 4 bytes of a record unread: it does not match the producer's codec");
    }

    @Test
    void aCodecThatWantsMoreThanTheRecordFailsInsteadOfReadingTheNextElement() throws Exception {
        List<Buffer> ints = written(Codecs.INT, List.of(1, 2));

        assertThatThrownBy(() -> ElementLog.read(Codecs.LONG, ints)).isInstanceOf(EOFException.class);
    }

    @Test
    void anUnknownElementTypeIsReportedAsACorruptBuffer() {
        Buffer corrupt = new Buffer(new byte[] {ElementType.END_OF_INPUT, 42}, 2);

        assertThatThrownBy(() -> ElementLog.read(Codecs.LONG, List.of(corrupt))).isInstanceOf(IOException.class)
                .hasMessage("corrupt buffer: unknown element type 42");
    }

    @Test
    void onlyTheFirstLengthBytesOfABufferAreRead() throws Exception {
        // a buffer's array may be longer than its content
        Buffer buffer = written(Codecs.LONG, List.of(3L)).get(0);
        byte[] padded = new byte[buffer.length() + 5];
        System.arraycopy(buffer.bytes(), 0, padded, 0, buffer.length());
        padded[buffer.length()] = 99;

        assertThat(ElementLog.read(Codecs.LONG, List.of(new Buffer(padded, buffer.length()))))
                .containsExactly("record 3");
    }
}
