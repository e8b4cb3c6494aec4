package io.spindle.runtime.tasks;

import io.spindle.api.codec.Codec;
import io.spindle.api.codec.Codecs;
import io.spindle.api.connectors.ReaderOutput;
import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkContext;
import io.spindle.api.connectors.SinkWriter;
import io.spindle.api.connectors.Source;
import io.spindle.api.connectors.SourceContext;
import io.spindle.api.connectors.SourceReader;
import io.spindle.api.functions.Collector;
import io.spindle.api.functions.ProcessContext;
import io.spindle.api.functions.ProcessFunction;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Sources, sinks and functions that the test drives and that write what the runtime asks of them into an
 * {@link EventLog}. A job is built anew for every subtask, but these objects are the test's: each build of a job
 * that captures one uses that same object.
 */
final class TestConnectors {

    private TestConnectors() { }

    /**
     * A source of longs the test feeds: each subtask emits what the test offered it, and reports the end of its input
     * once the test ended it and it emitted everything offered before. Its readers log "name subtask: snapshotState n"
     * and "name subtask: checkpointComplete n".
     */
    static final class FedSource implements Source<Long> {
        private final String name;
        private final EventLog log;
        private final boolean blocking;
        private final Map<Integer, BlockingQueue<Long>> records = new ConcurrentHashMap<>();
        private final Map<Integer, Boolean> ended = new ConcurrentHashMap<>();

        /** A reader that returns at once when it has nothing to emit, as readers should. */
        FedSource(String name, EventLog log) {
            this(name, log, false);
        }

        /** @param blocking whether a reader waits in its poll until it has something to emit */
        FedSource(String name, EventLog log, boolean blocking) {
            this.name = name;
            this.log = log;
            this.blocking = blocking;
        }

        private BlockingQueue<Long> of(int subtask) {
            return records.computeIfAbsent(subtask, s -> new LinkedBlockingQueue<>());
        }

        void offerTo(int subtask, long... values) {
            for (long value : values) {
                of(subtask).add(value);
            }
        }

        void offer(long... values) {
            offerTo(0, values);
        }

        /** After what it was offered so far, the subtask's input ends. */
        void endOf(int subtask) {
            ended.put(subtask, true);
        }

        void end() {
            endOf(0);
        }

        @Override
        public Codec<Long> codec() {
            return Codecs.LONG;
        }

        @Override
        public boolean isBounded() {
            return false;
        }

        @Override
        public SourceReader<Long> createReader(SourceContext context) {
            int subtask = context.subtaskIndex();
            log.add(name + " " + subtask + ": reading");
            Queue<Long> queue = of(subtask);
            return new SourceReader<>() {
                @Override
                public Status poll(ReaderOutput<Long> out) throws InterruptedException {
                    Long record = blocking ? of(subtask).take() : queue.poll();
                    if (record != null) {
                        out.collect(record);
                        return Status.MORE_AVAILABLE;
                    }
                    return ended.getOrDefault(subtask, false) ? Status.END_OF_INPUT : Status.NOTHING_AVAILABLE;
                }

                @Override
                public void snapshotState() {
                }

                @Override
                public void snapshotState(long checkpointId) {
                    log.add(name + " " + subtask + ": snapshotState " + checkpointId);
                }

                @Override
                public void checkpointComplete(long checkpointId) {
                    log.add(name + " " + subtask + ": checkpointComplete " + checkpointId);
                }
            };
        }
    }

    /** Logs each call into its writers: "name: write x", "name: prepareCommit n", "name: commit n", "name: endOfInput". */
    static <T> Sink<T> recordingSink(String name, EventLog log) {
        return (SinkContext context) -> new SinkWriter<>() {
            @Override
            public void write(T value) {
                log.add(name + ": write " + value);
            }

            @Override
            public void prepareCommit(long checkpointId) {
                log.add(name + ": prepareCommit " + checkpointId);
            }

            @Override
            public void commit(long checkpointId) {
                log.add(name + ": commit " + checkpointId);
            }

            @Override
            public void endOfInput() {
                log.add(name + ": endOfInput");
            }
        };
    }

    /** Passes records on; logs "name: endOfInput" when it does its end-of-input work. */
    static final class EndOfInputHook extends ProcessFunction<Long, Long> {
        private final String name;
        private final EventLog log;

        EndOfInputHook(String name, EventLog log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public void processElement(Long value, ProcessContext context, Collector<Long> out) {
            out.collect(value);
        }

        @Override
        public void endOfInput(ProcessContext context, Collector<Long> out) {
            log.add(name + ": endOfInput");
        }
    }

    /** For record t, a timer of its key at time t ("timers: registered t"); a timer emits its time ("timers: fired t"). */
    static final class TimerAtRecordValue extends ProcessFunction<Long, Long> {
        private final EventLog log;

        TimerAtRecordValue(EventLog log) {
            this.log = log;
        }

        @Override
        public void processElement(Long value, ProcessContext context, Collector<Long> out) {
            context.timers().registerProcessingTimeTimer(value);
            log.add("timers: registered " + value);
        }

        @Override
        public void onTimer(long timeMillis, ProcessContext context, Collector<Long> out) {
            log.add("timers: fired " + timeMillis);
            out.collect(timeMillis);
        }
    }
}
