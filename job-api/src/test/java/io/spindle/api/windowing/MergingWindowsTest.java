package io.spindle.api.windowing;

import io.spindle.api.windowing.MergingWindows.Addition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergingWindowsTest {

    private static final long GAP = 10;
    private final EventTimeSessionWindows sessions = EventTimeSessionWindows.withGap(Duration.ofMillis(GAP));
    private final MergingWindows windows = new MergingWindows(Map.of());

    @Test
    void aRecordFarFromEverySessionStartsANewOne() {
        add(0);

        Addition addition = add(100);

        assertThat(addition).isEqualTo(new Addition(session(100, 100), session(100, 100), List.of(), List.of(), true));
        assertThat(windows.toMap()).containsOnlyKeys(session(0, 0), session(100, 100));
    }

    @Test
    void aRecordInsideASessionNeitherMergesNorStartsOne() {
        add(0);
        add(5);

        Addition addition = add(3);

        assertThat(addition).isEqualTo(new Addition(session(0, 5), session(0, 0), List.of(), List.of(), false));
        assertThat(windows.toMap()).containsExactly(Map.entry(session(0, 5), session(0, 0)));
    }

    @Test
    void aRecordOfTheSameTimestampAddsNothing() {
        add(0);

        assertThat(add(0)).isEqualTo(new Addition(session(0, 0), session(0, 0), List.of(), List.of(), false));
    }

    @Test
    void aRecordExtendingASessionReplacesItsWindowButKeepsItsState() {
        add(0);

        Addition addition = add(7);

        assertThat(addition).isEqualTo(
                new Addition(session(0, 7), session(0, 0), List.of(session(0, 0)), List.of(), false));
        assertThat(windows.toMap()).containsExactly(Map.entry(session(0, 7), session(0, 0)));
    }

    @Test
    void aRecordBridgingTwoSessionsMergesThemIntoTheStateOfTheEarlier() {
        add(0);
        add(20);

        Addition addition = add(10);

        assertThat(addition).isEqualTo(new Addition(session(0, 20), session(0, 0),
                List.of(session(0, 0), session(20, 20)), List.of(session(20, 20)), false));
        assertThat(windows.toMap()).containsExactly(Map.entry(session(0, 20), session(0, 0)));
    }

    @Test
    void aRecordBeforeASessionExtendsItBackwardsKeepingItsState() {
        add(20);

        Addition addition = add(12);

        assertThat(addition.window()).isEqualTo(session(12, 20));
        assertThat(addition.stateWindow()).isEqualTo(session(20, 20));
        assertThat(addition.mergedStateWindows()).isEmpty();
    }

    @Test
    void recordsExactlyTheGapApartShareASession() {
        add(0);

        Addition addition = add(GAP);

        assertThat(addition.window()).isEqualTo(session(0, GAP));
        assertThat(windows.toMap()).containsOnlyKeys(session(0, GAP));
    }

    @Test
    void recordsOneMillisecondMoreThanTheGapApartDoNot() {
        add(0);

        Addition addition = add(GAP + 1);

        assertThat(addition.isNew()).isTrue();
        assertThat(windows.toMap()).containsOnlyKeys(session(0, 0), session(GAP + 1, GAP + 1));
    }

    @Test
    void aChainOfBridgesMergesEverySessionIntoTheFirstsState() {
        add(0);
        add(20);
        add(40);

        Addition first = add(10);
        Addition second = add(30);

        assertThat(first.mergedStateWindows()).containsExactly(session(20, 20));
        assertThat(second).isEqualTo(new Addition(session(0, 40), session(0, 0),
                List.of(session(0, 20), session(40, 40)), List.of(session(40, 40)), false));
        assertThat(windows.toMap()).containsExactly(Map.entry(session(0, 40), session(0, 0)));
    }

    @Test
    void aLongRecordWindowMergesEverySessionItSpansAtOnce() {
        add(0);
        add(30);
        add(60);

        Addition addition = windows.add(new TimeWindow(5, 65));

        assertThat(addition.window()).isEqualTo(session(0, 60));
        assertThat(addition.mergedWindows()).containsExactly(session(0, 0), session(30, 30), session(60, 60));
        assertThat(addition.mergedStateWindows()).containsExactly(session(30, 30), session(60, 60));
    }

    @Test
    void theStateWindowOfASessionStaysThroughMerges() {
        add(40);
        add(45);
        add(30);
        add(20);

        assertThat(windows.stateWindowOf(session(20, 45))).contains(session(40, 40));
    }

    @Test
    void aMergedAwayWindowHasNoStateWindow() {
        add(0);
        add(5);

        assertThat(windows.stateWindowOf(session(0, 0))).isEmpty();
    }

    @Test
    void aRetiredSessionIsForgottenAndALaterRecordStartsAfresh() {
        add(0);
        add(5);

        windows.retire(session(0, 5));

        assertThat(windows.toMap()).isEmpty();
        assertThat(add(3).isNew()).isTrue();
    }

    @Test
    void retiringAWindowThatIsNotASessionFails() {
        add(0);

        assertThatThrownBy(() -> windows.retire(session(0, 5))).isInstanceOf(IllegalStateException.class)
                .hasMessage("window [0, 15) is not a current session window; current: [[0, 10)]");
    }

    @Test
    void restoredSessionsMergeAsBefore() {
        add(0);
        add(5);
        add(25);
        MergingWindows restored = new MergingWindows(windows.toMap());

        Addition addition = restored.add(session(15, 15));

        assertThat(addition.window()).isEqualTo(session(0, 25));
        assertThat(addition.stateWindow()).isEqualTo(session(0, 0));
        assertThat(addition.mergedStateWindows()).containsExactly(session(25, 25));
    }

    @Test
    void theMapListsSessionsInTimeOrder() {
        add(50);
        add(0);
        add(25);

        assertThat(windows.toMap().keySet()).containsExactly(session(0, 0), session(25, 25), session(50, 50));
    }

    @Test
    void theMapIsACopy() {
        add(0);
        Map<TimeWindow, TimeWindow> stored = windows.toMap();

        add(100);

        assertThat(stored).hasSize(1);
        assertThatThrownBy(() -> stored.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    /** Adds the session window of a record at {@code timestamp}, as the assigner makes it. */
    private Addition add(long timestamp) {
        return windows.add(sessions.assignWindows("record", timestamp, 0).iterator().next());
    }

    /** The session of records from {@code first} to {@code last}. */
    private static TimeWindow session(long first, long last) {
        return new TimeWindow(first, last + GAP);
    }
}
