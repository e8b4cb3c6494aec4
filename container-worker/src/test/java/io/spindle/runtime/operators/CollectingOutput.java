package io.spindle.runtime.operators;

import java.util.ArrayList;
import java.util.List;

/** The end of a chain under test: logs what reaches it, records as themselves, the end of input as "endOfInput",
 * watermarks as "watermark <time>". */
final class CollectingOutput implements Output<Object> {

    final List<Object> received = new ArrayList<>();

    @Override
    public void collect(Object record) {
        received.add(record);
    }

    @Override
    public void endOfInput() {
        received.add("endOfInput");
    }

    @Override
    public void emitWatermark(long watermark) {
        received.add("watermark " + watermark);
    }
}
