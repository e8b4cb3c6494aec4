package io.spindle.runtime.operators;

import io.spindle.state.operator.OperatorStateStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operator list state of every operator of one subtask, by operator name (its id in checkpoints). */
public final class OperatorStates {

    private final Map<String, Map<String, List<byte[]>>> restored;
    private final boolean isRestored;
    private final Map<String, OperatorStateStore> stores = new LinkedHashMap<>();

    /** The states of a subtask that starts afresh. */
    public OperatorStates() {
        this.restored = Map.of();
        this.isRestored = false;
    }

    /** @param restored per operator name, the encoded entries of each of its states, from a checkpoint or savepoint */
    public OperatorStates(Map<String, Map<String, List<byte[]>>> restored) {
        this.restored = Map.copyOf(restored);
        this.isRestored = true;
    }

    public OperatorStateStore of(String operatorName) {
        return stores.computeIfAbsent(operatorName,
                name -> new OperatorStateStore(restored.getOrDefault(name, Map.of()), isRestored));
    }

    /** Every operator's states, encoded. */
    public Map<String, Map<String, List<byte[]>>> snapshot() {
        Map<String, Map<String, List<byte[]>>> snapshot = new LinkedHashMap<>();
        stores.forEach((operator, store) -> snapshot.put(operator, store.snapshot()));
        return snapshot;
    }
}
