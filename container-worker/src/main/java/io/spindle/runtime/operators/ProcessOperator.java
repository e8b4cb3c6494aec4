package io.spindle.runtime.operators;

import io.spindle.api.functions.KeySelector;
import io.spindle.api.functions.ProcessFunction;

/** Runs a {@link ProcessFunction}: keyed (state, timers) after keyBy, plain otherwise. */
public final class ProcessOperator<IN, OUT> extends AbstractProcessOperator<IN, OUT> {

    private final ProcessFunction<IN, OUT> function;
    /** Null when the input is not keyed. */
    private final KeySelector<Object, Object> keySelector;

    public ProcessOperator(String name, ProcessFunction<IN, OUT> function, KeySelector<Object, Object> keySelector) {
        super(name);
        this.function = function;
        this.keySelector = keySelector;
    }

    @Override
    protected void openFunction() throws Exception {
        function.open(this);
    }

    @Override
    protected void processElement(IN record) throws Exception {
        if (keySelector != null) {
            setCurrentKey(keySelector.key(record));
        }
        function.processElement(record, this, output);
    }

    @Override
    protected void onTimer(long time) throws Exception {
        function.onTimer(time, this, output);
    }

    @Override
    protected void onEndOfInput() throws Exception {
        function.endOfInput(this, output);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }
}
