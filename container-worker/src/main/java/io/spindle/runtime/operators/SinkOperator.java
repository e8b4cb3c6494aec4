package io.spindle.runtime.operators;

import io.spindle.api.connectors.Sink;
import io.spindle.api.connectors.SinkWriter;

/** The last link: hands records to the sink's writer for this subtask. */
public final class SinkOperator<T> extends StreamOperator<T, Void> {

    private final Sink<T> sink;
    private SinkWriter<T> writer;

    public SinkOperator(String name, Sink<T> sink) {
        super(name);
        this.sink = sink;
    }

    @Override
    public void open(OperatorRuntime runtime) throws Exception {
        writer = sink.createWriter(new SubtaskConnectorContext(runtime, name()));
    }

    @Override
    protected void processElement(T record) throws Exception {
        writer.write(record);
    }

    @Override
    protected void onPrepareSnapshot(long checkpointId) throws Exception {
        writer.prepareCommit(checkpointId);
    }

    @Override
    protected void onCheckpointComplete(long checkpointId) throws Exception {
        writer.commit(checkpointId);
    }

    @Override
    public long fireTimers(long nowMillis) {
        try {
            return writer.onProcessingTime(nowMillis);
        } catch (Exception e) {
            throw UserCode.failure(name(), e);
        }
    }

    @Override
    protected void onEndOfInput() throws Exception {
        writer.endOfInput();
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
