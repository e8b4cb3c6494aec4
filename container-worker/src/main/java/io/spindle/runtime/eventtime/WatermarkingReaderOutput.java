package io.spindle.runtime.eventtime;

import io.spindle.api.connectors.ReaderOutput;
import io.spindle.api.connectors.SourceOutput;
import io.spindle.api.eventtime.WatermarkGenerator;
import io.spindle.api.eventtime.WatermarkOutput;
import io.spindle.api.eventtime.WatermarkStrategy;
import io.spindle.api.eventtime.Watermarks;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.runtime.operators.Output;
import io.spindle.runtime.operators.UserCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The output of a source with a watermark strategy: each record gets its event time, and each split (and the reader's
 * own output, once used) has a generator of its own. The subtask's watermark is the minimum over the outputs that are
 * not idle, and the subtask is idle while all of them are; a released split no longer counts. While no output counts
 * (no split yet, or all released) a stand-in with a fresh generator does, so that a subtask without splits goes idle
 * under the strategy's idleness instead of holding the job's watermark back for ever. Decisions go up through the
 * {@link WatermarkValve.Listener}; the task calls {@link #emitPeriodic} every auto-watermark interval. One thread.
 */
final class WatermarkingReaderOutput<T> implements ReaderOutput<T>, SourceWatermarks {

    private final WatermarkStrategy<T> strategy;
    private final String sourceName;
    private final Output<T> chain;
    private final ElementTimestamp timestamp;
    private final LongSupplier clock;
    private final WatermarkValve.Listener listener;
    private final Split main;
    private final Map<String, Split> splits = new HashMap<>();
    /** The outputs that count: the splits not released, the main output once it emitted, else the vacancy. */
    private final List<Split> active = new ArrayList<>();
    /** Stands in for a subtask with no output that counts; null while one does. */
    private Split vacancy;
    private long watermark = Watermarks.NO_TIMESTAMP;
    private boolean idle;
    /** Generators emit their periodic watermarks: combine once after all of them. */
    private boolean periodic;

    WatermarkingReaderOutput(WatermarkStrategy<T> strategy, String sourceName, Output<T> chain,
                             ElementTimestamp timestamp, LongSupplier clock, WatermarkValve.Listener listener) {
        this.strategy = strategy;
        this.sourceName = sourceName;
        this.chain = chain;
        this.timestamp = timestamp;
        this.clock = clock;
        this.listener = listener;
        this.main = new Split();
        vacate();
    }

    @Override
    public void collect(T record) {
        main.collect(record);
    }

    @Override
    public void collect(T record, long recordTimestamp) {
        main.collect(record, recordTimestamp);
    }

    @Override
    public SourceOutput<T> forSplit(String splitId) {
        return splits.computeIfAbsent(splitId, id -> {
            Split split = new Split();
            count(split);
            if (idle) {
                // the only change a split without records can make: it holds the watermark again
                combine();
            }
            return split;
        });
    }

    @Override
    public void releaseSplit(String splitId) {
        Split split = splits.remove(splitId);
        if (split != null) {
            active.remove(split);
            if (active.isEmpty()) {
                vacate();
            }
            combine();
        }
    }

    private void count(Split split) {
        split.counted = true;
        active.add(split);
        if (vacancy != null) {
            active.remove(vacancy);
            vacancy = null;
        }
    }

    /** The vacancy starts as idle as the subtask was: only its idleness timeout may change that. */
    private void vacate() {
        vacancy = new Split();
        vacancy.idle = idle;
        active.add(vacancy);
    }

    @Override
    public ReaderOutput<Object> output() {
        @SuppressWarnings("unchecked")
        ReaderOutput<Object> self = (ReaderOutput<Object>) this;
        return self;
    }

    @Override
    public void emitPeriodic() {
        periodic = true;
        try {
            for (Split split : active) {
                split.generator.onPeriodicEmit(split);
            }
        } catch (RuntimeException e) {
            throw UserCode.failure(sourceName, e);
        } finally {
            periodic = false;
        }
        combine();
    }

    /** Emits the minimum over the outputs that count when it advanced, and the subtask's idleness when it changed. */
    private void combine() {
        if (periodic) {
            return;
        }
        long minimum = Long.MAX_VALUE;
        boolean live = false;
        for (Split split : active) {
            if (!split.idle) {
                live = true;
                minimum = Math.min(minimum, split.watermark);
            }
        }
        boolean nowIdle = !live && !active.isEmpty();
        try {
            if (!nowIdle && idle) {
                idle = false;
                listener.idle(false);
            }
            if (live && minimum > watermark) {
                watermark = minimum;
                listener.watermark(minimum);
            }
            if (nowIdle && !idle) {
                idle = true;
                listener.idle(true);
            }
        } catch (Exception e) {
            throw UserCode.failure(sourceName, e);
        }
    }

    /** One split's (or the reader's own) output, generator and watermark. */
    private final class Split implements SourceOutput<T>, WatermarkOutput {
        final WatermarkGenerator<T> generator = strategy.createGenerator(clock);
        long watermark = Watermarks.NO_TIMESTAMP;
        boolean idle;
        /** Holds the watermark back: a split from its creation, the main output from its first record. */
        boolean counted;

        @Override
        public void collect(T record) {
            collect(record, Watermarks.NO_TIMESTAMP);
        }

        @Override
        public void collect(T record, long recordTimestamp) {
            if (!counted) {
                count(this);
            }
            long eventTime;
            try {
                eventTime = strategy.timestampOf(record, recordTimestamp);
            } catch (RuntimeException e) {
                throw UserCode.failure(sourceName, e);
            }
            timestamp.set(eventTime);
            chain.collect(record);
            try {
                generator.onEvent(record, eventTime, this);
            } catch (RuntimeException e) {
                throw UserCode.failure(sourceName, e);
            }
        }

        @Override
        public void emitWatermark(long newWatermark) {
            if (newWatermark > watermark) {
                watermark = newWatermark;
                combine();
            }
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                combine();
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                combine();
            }
        }
    }
}
