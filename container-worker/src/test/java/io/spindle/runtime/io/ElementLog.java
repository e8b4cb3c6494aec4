package io.spindle.runtime.io;

import io.spindle.api.codec.Codec;
import io.spindle.api.eventtime.Watermarks;
import io.spindle.protocol.checkpoint.CheckpointBarrier;

import java.util.ArrayList;
import java.util.List;

/** Decodes buffers as a consumer task does, and logs each element as text: "record x", "record x @t", "watermark t",
 * "barrier n", ... */
final class ElementLog implements RecordReader.ElementHandler {

    final List<String> elements = new ArrayList<>();

    /** The elements of the buffers, in order, read with one reader as a consumer reads one channel. */
    static List<String> read(Codec<?> codec, List<Buffer> buffers) throws Exception {
        RecordReader reader = new RecordReader(codec);
        ElementLog log = new ElementLog();
        for (Buffer buffer : buffers) {
            reader.read(buffer, log);
        }
        return log.elements;
    }

    @Override
    public void record(Object record, long timestamp) {
        elements.add("record " + record + (timestamp == Watermarks.NO_TIMESTAMP ? "" : " @" + timestamp));
    }

    @Override
    public void watermark(long watermark) {
        elements.add("watermark " + watermark);
    }

    @Override
    public void watermarkStatus(boolean idle) {
        elements.add(idle ? "idle" : "active");
    }

    @Override
    public void endOfInput() {
        elements.add("endOfInput");
    }

    @Override
    public void barrier(CheckpointBarrier barrier) {
        elements.add("barrier " + barrier.checkpointId() + (barrier.isFinal() ? " final" : ""));
    }

    @Override
    public void endOfPartition() {
        elements.add("endOfPartition");
    }
}
