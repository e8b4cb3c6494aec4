package io.spindle.api.functions;

import io.spindle.api.windowing.TimeWindow;

/** What a {@link ProcessWindowFunction} knows about the window it is called for. */
public interface WindowContext {

    TimeWindow window();

    /** The operator's event-time watermark; {@link Long#MIN_VALUE} until it has received one. */
    long currentWatermark();

    long currentProcessingTime();
}
