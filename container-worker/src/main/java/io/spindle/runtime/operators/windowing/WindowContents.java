package io.spindle.runtime.operators.windowing;

import io.spindle.api.windowing.TimeWindow;

import java.util.List;

/** What the windows of the current key hold, per window (the state window of a session). */
interface WindowContents {

    /** Adds a record; returns whether the window was empty before. */
    boolean add(TimeWindow window, Object record) throws Exception;

    /** What the window emits, or to its window function; empty if the window holds nothing. */
    List<Object> results(TimeWindow window) throws Exception;

    /** Moves the contents of {@code sources} into {@code target} (sessions that merged) and clears them. */
    void merge(TimeWindow target, List<TimeWindow> sources) throws Exception;

    void clear(TimeWindow window);
}
