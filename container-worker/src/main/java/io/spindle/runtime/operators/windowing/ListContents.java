package io.spindle.runtime.operators.windowing;

import io.spindle.api.windowing.TimeWindow;
import io.spindle.state.NamespacedListState;

import java.util.ArrayList;
import java.util.List;

/** A window keeps every record, for a window function that needs them all. */
final class ListContents implements WindowContents {

    private final NamespacedListState<TimeWindow, Object> records;

    ListContents(NamespacedListState<TimeWindow, Object> records) {
        this.records = records;
    }

    /** Appends without reading: whether the window was empty is not known, so this says it may have been. */
    @Override
    public boolean add(TimeWindow window, Object record) {
        records.add(window, record);
        return true;
    }

    @Override
    public List<Object> results(TimeWindow window) {
        return records.get(window);
    }

    @Override
    public void merge(TimeWindow target, List<TimeWindow> sources) {
        if (sources.isEmpty()) {
            return; // a session that only grew: its records stay where they are
        }
        List<Object> merged = new ArrayList<>(records.get(target));
        for (TimeWindow source : sources) {
            merged.addAll(records.get(source));
            records.clear(source);
        }
        records.update(target, merged);
    }

    @Override
    public void clear(TimeWindow window) {
        records.clear(window);
    }
}
