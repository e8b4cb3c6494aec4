package io.spindle.api.eventtime;

/** Where a {@link WatermarkGenerator} emits. */
public interface WatermarkOutput {

    /** No record with a timestamp at or below {@code watermark} is expected any more; lower watermarks are ignored. */
    void emitWatermark(long watermark);

    /** This output will emit nothing for a while: downstream operators stop waiting for its watermarks. */
    void markIdle();

    /** The output emits again (also implied by its next record). */
    void markActive();
}
