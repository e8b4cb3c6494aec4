package io.spindle.master.cluster;

/**
 * The job master's wait for workers it asked the cluster for and was not given: when to say so (first after
 * {@link #FIRST_REPORT_MILLIS}, so that the usual second or two of an allocation stays quiet, then every
 * {@link #REPORT_EVERY_MILLIS}) and when to give up ({@code slot.request.timeout}, as in Flink). It has no clock: the
 * job master passes the times in and keeps the timers. Each wait has a generation of its own, so that a timer set
 * for an ended wait is told apart from one of the current wait.
 */
final class WorkerWait {

    static final long FIRST_REPORT_MILLIS = 5_000;
    static final long REPORT_EVERY_MILLIS = 15_000;

    /** What is due at a time. */
    enum Step { NOTHING, REPORT, TIME_OUT }

    private final long timeoutMillis;
    private boolean waiting;
    private long sinceMillis;
    private long nextReportMillis;
    private int generation;

    WorkerWait(long timeoutMillis) {
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("the wait for workers must time out after 1 ms or more, got "
                    + timeoutMillis + " ms");
        }
        this.timeoutMillis = timeoutMillis;
    }

    /** A wait begins at {@code nowMillis} unless one is under way; returns whether it did. */
    boolean begin(long nowMillis) {
        if (waiting) {
            return false;
        }
        waiting = true;
        sinceMillis = nowMillis;
        nextReportMillis = nowMillis + FIRST_REPORT_MILLIS;
        generation++;
        return true;
    }

    void end() {
        waiting = false;
    }

    boolean waiting() {
        return waiting;
    }

    int generation() {
        return generation;
    }

    /** Whether the wait of that generation is still under way. */
    boolean current(int waitGeneration) {
        return waiting && generation == waitGeneration;
    }

    long waitedMillis(long nowMillis) {
        return nowMillis - sinceMillis;
    }

    /** When something is next due: the next report or the time-out, whichever comes first. */
    long nextStepMillis() {
        return Math.min(nextReportMillis, sinceMillis + timeoutMillis);
    }

    /** What is due at {@code nowMillis}; once a report was due, the next one is due {@link #REPORT_EVERY_MILLIS} later. */
    Step step(long nowMillis) {
        if (nowMillis - sinceMillis >= timeoutMillis) {
            return Step.TIME_OUT;
        }
        if (nowMillis >= nextReportMillis) {
            nextReportMillis = nowMillis + REPORT_EVERY_MILLIS;
            return Step.REPORT;
        }
        return Step.NOTHING;
    }
}
