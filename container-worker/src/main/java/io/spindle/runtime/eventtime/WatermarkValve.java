package io.spindle.runtime.eventtime;

import io.spindle.api.eventtime.Watermarks;

import java.util.Arrays;

/**
 * The watermark of a task that reads several channels: the minimum over the channels that are neither idle nor ended,
 * emitted when it advances (it never goes back); at the end of time once every channel's input ended. While every
 * channel that has not ended is idle, the task is idle and its watermark stays (an idle channel may still send
 * records later: jumping ahead would make them late). A channel that comes back with an older watermark holds the
 * output back until it catches up, so none of its records is made late by its pause.
 *
 * <p>Pure logic: what it decides goes up through {@link Listener}. One thread.
 */
public final class WatermarkValve {

    /** What the valve decides. */
    public interface Listener {
        void watermark(long watermark) throws Exception;

        void idle(boolean idle) throws Exception;
    }

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] ended;
    private final Listener listener;
    private long output = Watermarks.NO_TIMESTAMP;
    private boolean outputIdle;

    public WatermarkValve(int channels, Listener listener) {
        this.watermarks = new long[channels];
        this.idle = new boolean[channels];
        this.ended = new boolean[channels];
        this.listener = listener;
        Arrays.fill(watermarks, Watermarks.NO_TIMESTAMP);
    }

    public void onWatermark(int channel, long watermark) throws Exception {
        if (watermark > watermarks[channel]) {
            watermarks[channel] = watermark;
            update();
        }
    }

    public void onStatus(int channel, boolean channelIdle) throws Exception {
        if (idle[channel] != channelIdle) {
            idle[channel] = channelIdle;
            update();
        }
    }

    /** The channel's producer emits no more records: it holds nothing back any more. */
    public void onEndOfInput(int channel) throws Exception {
        if (!ended[channel]) {
            ended[channel] = true;
            update();
        }
    }

    /** The last watermark emitted. */
    public long current() {
        return output;
    }

    private void update() throws Exception {
        long minimum = Long.MAX_VALUE;
        boolean live = false;
        boolean allEnded = true;
        for (int i = 0; i < watermarks.length; i++) {
            if (!ended[i]) {
                allEnded = false;
                if (!idle[i]) {
                    live = true;
                    minimum = Math.min(minimum, watermarks[i]);
                }
            }
        }
        boolean nowIdle = !allEnded && !live;
        if (!nowIdle && outputIdle) {
            outputIdle = false;
            listener.idle(false);
        }
        long target = allEnded ? Watermarks.END_OF_TIME : live ? minimum : output;
        if (target > output) {
            output = target;
            listener.watermark(target);
        }
        if (nowIdle && !outputIdle) {
            outputIdle = true;
            listener.idle(true);
        }
    }
}
