package io.spindle.client.cli;

import io.spindle.client.yarn.ApplicationStatus;
import io.spindle.client.yarn.YarnApplications;
import io.spindle.core.text.FirstLine;
import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/** The {@code <appId>} argument of the commands that act on one application: checked, then looked up. */
final class ApplicationArgument {

    private ApplicationArgument() { }

    static ApplicationId parse(CommandLine line) {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expects one application id");
        }
        return YarnApplications.parseId(line.getArgList().get(0));
    }

    /** The application as YARN reports it now; bad input unless YARN knows it as a Spindle application. */
    static ApplicationStatus spindleApplication(YarnApplications yarn, ApplicationId id) {
        ApplicationStatus status = yarn.find(id).orElseThrow(() -> new UsageException("unknown application " + id));
        if (!status.isSpindle()) {
            throw new UsageException("application " + id + " is not a Spindle application (its type is "
                    + status.type() + ")");
        }
        return status;
    }

    /** {@link #spindleApplication}, which must still run: an action on a finished one is bad input. */
    static ApplicationStatus runningSpindleApplication(YarnApplications yarn, ApplicationId id) {
        ApplicationStatus status = spindleApplication(yarn, id);
        if (status.finished()) {
            throw new UsageException("application " + id + " already finished (" + status.finalStatus() + ")");
        }
        return status;
    }

    /** "{@code <id> <final status>: <first line of the diagnostics>}": how an application ended, in one line. */
    static String endLine(ApplicationStatus end) {
        return end.id() + " " + end.finalStatus()
                + (end.diagnostics().isBlank() ? "" : ": " + FirstLine.of(end.diagnostics()));
    }
}
