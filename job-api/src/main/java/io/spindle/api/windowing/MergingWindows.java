package io.spindle.api.windowing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The session windows of one key, each with its state window: the window whose name its contents are stored
 * under. A merge keeps the state window of one of the merged windows, so the contents of that one do not move; the
 * caller moves only the others'. Pure bookkeeping, no state access: the caller restores it from state with
 * {@link #MergingWindows(Map)} and stores {@link #toMap()} back (with
 * {@code Codecs.map(TimeWindow.CODEC, TimeWindow.CODEC)}).
 *
 * <p>The windows never overlap or touch: {@link #add} merges every window that does with the new one.
 */
public final class MergingWindows {

    /** Window to state window, ordered by window so that merges and {@link #toMap()} are deterministic. */
    private final SortedMap<TimeWindow, TimeWindow> stateWindows;

    /** @param windowToStateWindow what {@link #toMap()} returned; empty for a key without windows */
    public MergingWindows(Map<TimeWindow, TimeWindow> windowToStateWindow) {
        this.stateWindows = new TreeMap<>(windowToStateWindow);
    }

    /**
     * What adding a window did.
     *
     * @param window the window the new one belongs to now: itself, the existing window containing it, or a merge
     * @param stateWindow where {@code window}'s contents are stored
     * @param mergedWindows the windows that no longer exist because they merged into {@code window} (their timers
     *     are stale); empty if nothing merged
     * @param mergedStateWindows the state windows whose contents the caller merges into {@code stateWindow}, then
     *     clears; never {@code stateWindow} itself
     * @param isNew whether the window started a new session: it overlapped no existing window
     */
    public record Addition(TimeWindow window, TimeWindow stateWindow, List<TimeWindow> mergedWindows,
                           List<TimeWindow> mergedStateWindows, boolean isNew) {
    }

    /**
     * Adds a record's window, merging it with every window it overlaps or touches. The state window of a merge is
     * that of the earliest merged window, so the state of a session that only grows never moves.
     */
    public Addition add(TimeWindow newWindow) {
        // The existing windows are apart, so the ones the new window meets are all that its merge can meet.
        List<TimeWindow> overlapping = new ArrayList<>();
        TimeWindow merged = newWindow;
        for (TimeWindow window : stateWindows.keySet()) {
            if (window.intersects(newWindow)) {
                overlapping.add(window);
                merged = merged.cover(window);
            }
        }
        if (overlapping.isEmpty()) {
            stateWindows.put(newWindow, newWindow);
            return new Addition(newWindow, newWindow, List.of(), List.of(), true);
        }
        TimeWindow stateWindow = stateWindows.get(overlapping.get(0));
        if (overlapping.size() == 1 && overlapping.get(0).equals(merged)) {
            return new Addition(merged, stateWindow, List.of(), List.of(), false);
        }
        List<TimeWindow> mergedStateWindows = new ArrayList<>();
        for (TimeWindow window : overlapping) {
            TimeWindow removed = stateWindows.remove(window);
            if (!removed.equals(stateWindow)) {
                mergedStateWindows.add(removed);
            }
        }
        stateWindows.put(merged, stateWindow);
        return new Addition(merged, stateWindow, List.copyOf(overlapping), List.copyOf(mergedStateWindows), false);
    }

    /** Where the window's contents are stored; empty if it is not a current window (it merged or was retired). */
    public Optional<TimeWindow> stateWindowOf(TimeWindow window) {
        return Optional.ofNullable(stateWindows.get(window));
    }

    /** Forgets a window that fired and whose contents were purged. */
    public void retire(TimeWindow window) {
        if (stateWindows.remove(window) == null) {
            throw new IllegalStateException("window " + window + " is not a current session window; current: "
                    + stateWindows.keySet());
        }
    }

    /** Window to state window, ordered by window; the caller stores it and clears the state when it is empty. */
    public Map<TimeWindow, TimeWindow> toMap() {
        return Collections.unmodifiableMap(new TreeMap<>(stateWindows));
    }

    @Override
    public String toString() {
        return stateWindows.toString();
    }
}
