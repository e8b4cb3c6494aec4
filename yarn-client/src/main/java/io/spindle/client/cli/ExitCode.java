package io.spindle.client.cli;

/** The exit codes every spindle command uses (docs/user-guide.md). */
public final class ExitCode {

    private ExitCode() { }

    public static final int OK = 0;
    /** The job failed or was killed. */
    public static final int JOB_FAILED = 1;
    /** Bad usage or bad input; nothing was changed. */
    public static final int BAD_INPUT = 2;
}
