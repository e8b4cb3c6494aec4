package io.spindle.connectors.kafka;

import io.spindle.api.codec.Codec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionPositionTest {

    @Test
    void aPositionSurvivesItsStateCodec() throws IOException {
        PartitionPosition position = new PartitionPosition("orders", 3, 1_234, PartitionPosition.UNBOUNDED);

        assertThat(roundTrip(PartitionPosition.STATE.valueCodec(), position)).isEqualTo(position);
    }

    @Test
    void aPendingTransactionSurvivesItsStateCodec() throws IOException {
        PendingTransaction pending = new PendingTransaction(12, "p-1-0", 4_000, (short) 3);

        assertThat(roundTrip(PendingTransaction.STATE.valueCodec(), pending)).isEqualTo(pending);
    }

    @Test
    void aPositionAtOrPastTheStopOffsetIsFinishedAsTransactionMarkersCanJumpOverIt() {
        assertThat(new PartitionPosition("t", 0, 9, 10).finished()).isFalse();
        assertThat(new PartitionPosition("t", 0, 10, 10).finished()).isTrue();
        assertThat(new PartitionPosition("t", 0, 11, 10).finished()).isTrue();
    }

    @Test
    void anUnboundedPartitionNeverFinishes() {
        assertThat(new PartitionPosition("t", 0, Long.MAX_VALUE - 1, PartitionPosition.UNBOUNDED).finished())
                .isFalse();
    }

    private static <T> T roundTrip(Codec<T> codec, T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        codec.encode(value, new DataOutputStream(bytes));
        return codec.decode(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
