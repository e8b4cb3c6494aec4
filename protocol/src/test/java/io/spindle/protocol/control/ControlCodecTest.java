package io.spindle.protocol.control;

import io.spindle.protocol.checkpoint.CheckpointBarrier;
import io.spindle.protocol.checkpoint.CheckpointTimes;
import io.spindle.protocol.checkpoint.SavepointRequest;
import io.spindle.protocol.control.ControlMessage.Deploy;
import io.spindle.protocol.control.ControlMessage.Placement;
import io.spindle.protocol.control.ControlMessage.TaskDeployment;
import io.spindle.protocol.control.ControlMessage.TaskOutcome;
import io.spindle.protocol.metrics.MetricsReport;
import io.spindle.protocol.metrics.MetricsReport.OperatorSample;
import io.spindle.protocol.metrics.MetricsReport.TaskSample;
import io.spindle.protocol.metrics.TaskMetric;
import io.spindle.protocol.metrics.WorkerMetric;
import io.spindle.state.checkpoint.SavepointFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlCodecTest {

    @Test
    void everyMessageReadsBackEqual() throws IOException {
        List<ControlMessage> messages = List.of(
                new ControlMessage.Hello("container_1_0001_01_000002", "tok\u00e9n", "worker-host", 40123),
                new ControlMessage.Heartbeat(MetricsReport.EMPTY),
                new ControlMessage.TaskEnded(3, 1, 0, TaskOutcome.FAILED, "operator 'count' threw boom"),
                new ControlMessage.FirstRecord(2, 1_700_000_000_123L),
                new ControlMessage.InputEnded(2, 1, 3),
                new ControlMessage.Decline(1, "count (1/2)", 17, "java.io.IOException: disk"),
                new ControlMessage.TriggerCheckpoint(4, CheckpointBarrier.checkpoint(99)),
                new ControlMessage.TriggerCheckpoint(5, CheckpointBarrier.savepoint(100, new SavepointRequest(
                        "hdfs://nn:8020/savepoints/savepoint-applic-0123456789ab", SavepointFormat.NATIVE,
                        SavepointRequest.Termination.DRAIN))),
                new ControlMessage.CheckpointComplete(4, 99),
                new ControlMessage.CheckpointAborted(4, 98),
                new ControlMessage.CancelAttempt(4),
                new ControlMessage.Shutdown());
        for (ControlMessage message : messages) {
            assertThat(roundTrip(message)).isEqualTo(message);
        }
    }

    @Test
    void acknowledgementKeepsSnapshotBytesAndTimes() throws IOException {
        ControlMessage.Acknowledge read = (ControlMessage.Acknowledge) roundTrip(new ControlMessage.Acknowledge(6,
                new byte[] {1, 2, 3}, new CheckpointTimes(40, 2, 315)));

        assertThat(read.attempt()).isEqualTo(6);
        assertThat(read.snapshot()).containsExactly(1, 2, 3);
        assertThat(read.times()).isEqualTo(new CheckpointTimes(40, 2, 315));
    }

    @Test
    void deploymentKeepsPlacementsAndRestoreBytes() throws IOException {
        Deploy deploy = new Deploy("application_1_0001", 2, "hdfs://nn/checkpoints/app_1", "hdfs://nn/checkpoints/app_1", true,
                List.of(new Placement(0, 0, "host-a", 1000), new Placement(1, 1, "host-b", 2000)),
                List.of(new TaskDeployment(0, 0, new byte[0]), new TaskDeployment(1, 1, new byte[] {1, 2, 3})));

        Deploy read = (Deploy) roundTrip(deploy);

        assertThat(read.attempt()).isEqualTo(2);
        assertThat(read.checkpointDirectory()).isEqualTo("hdfs://nn/checkpoints/app_1");
        assertThat(read.restoreFromOwnCheckpoint()).isTrue();
        assertThat(read.placements()).isEqualTo(deploy.placements());
        assertThat(read.tasks()).extracting(TaskDeployment::restore).containsExactly(new byte[0], new byte[] {1, 2, 3});
    }

    @Test
    void aHeartbeatCarriesTheWorkersAndSubtasksMetrics() throws IOException {
        ControlMessage heartbeat = new ControlMessage.Heartbeat(new MetricsReport(3,
                Map.of(WorkerMetric.HEAP_USED, 1L << 33, WorkerMetric.GC_COUNT, 7L),
                List.of(new TaskSample(1, 0, Map.of(TaskMetric.NUM_RECORDS_IN, 1_000_000L,
                        TaskMetric.CURRENT_INPUT_WATERMARK, Long.MIN_VALUE + 1),
                        List.of(new OperatorSample("count", 10, 9), new OperatorSample("sink", 9, 0))),
                        new TaskSample(0, 0, Map.of(), List.of()))));

        assertThat(roundTrip(heartbeat)).isEqualTo(heartbeat);
    }

    @Test
    void aCorruptLengthIsRefusedWithoutAllocatingIt() {
        byte[] frame = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
        assertThatThrownBy(() -> ControlCodec.read(new DataInputStream(new ByteArrayInputStream(frame))))
                .isInstanceOf(IOException.class).hasMessageContaining("bad control frame length");
    }

    private static ControlMessage roundTrip(ControlMessage message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ControlCodec.write(new DataOutputStream(bytes), message);
        return ControlCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
