package io.spindle.examples.recovery;

import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkWriter;

/** A sink that fails, once, where a commit would publish: to test restores between a checkpoint and its commit. */
final class FailingCommit {

    private FailingCommit() { }

    /**
     * The sink, except that subtask 0 of the first attempt throws the first time it is to commit a checkpoint
     * after it wrote something.
     */
    static <T> Sink<T> ofSubtaskZero(Sink<T> sink) {
        return context -> {
            SinkWriter<T> writer = sink.createWriter(context);
            boolean failing = context.subtaskIndex() == 0 && context.attemptNumber() == 0;
            return new SinkWriter<>() {
                private boolean wrote;

                @Override
                public void write(T value) throws Exception {
                    wrote = true;
                    writer.write(value);
                }

                @Override
                public void prepareCommit(long checkpointId) throws Exception {
                    writer.prepareCommit(checkpointId);
                }

                @Override
                public void commit(long checkpointId) throws Exception {
                    if (failing && wrote) {
                        throw new IllegalStateException("injected failure committing checkpoint " + checkpointId);
                    }
                    writer.commit(checkpointId);
                }

                @Override
                public void close() throws Exception {
                    writer.close();
                }
            };
        };
    }
}
