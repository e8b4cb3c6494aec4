package io.spindle.runtime.operators;

import io.spindle.api.functions.CoProcessFunction;
import io.spindle.api.functions.KeySelector;

/** Runs a {@link CoProcessFunction} over connected streams: keyed by each input's selector after keyBy. */
public final class CoProcessOperator<A, B, OUT> extends AbstractProcessOperator<A, OUT> implements SecondInput {

    private final CoProcessFunction<A, B, OUT> function;
    /** Null when the inputs are not keyed. */
    private final KeySelector<Object, Object> firstKey;
    private final KeySelector<Object, Object> secondKey;

    public CoProcessOperator(String name, CoProcessFunction<A, B, OUT> function, KeySelector<Object, Object> firstKey,
                             KeySelector<Object, Object> secondKey) {
        super(name);
        this.function = function;
        this.firstKey = firstKey;
        this.secondKey = secondKey;
    }

    @Override
    protected void openFunction() throws Exception {
        function.open(this);
    }

    @Override
    protected void processElement(A record) throws Exception {
        if (firstKey != null) {
            setCurrentKey(firstKey.key(record));
        }
        function.processElement1(record, this, output);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void collectSecond(Object record) {
        countRecordIn();
        try {
            if (secondKey != null) {
                setCurrentKey(secondKey.key(record));
            }
            function.processElement2((B) record, this, output);
        } catch (Exception e) {
            throw UserCode.failure(name(), e);
        }
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
