package io.spindle.client.yarn;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.util.EnumSet;
import java.util.Set;

/** What the ResourceManager says about an application at one moment. */
public record ApplicationStatus(ApplicationId id, String name, String user, String queue,
                                YarnApplicationState state, FinalApplicationStatus finalStatus,
                                String diagnostics, String trackingUrl, String masterHost, int masterRpcPort) {

    static final Set<YarnApplicationState> TERMINAL_STATES =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    static ApplicationStatus of(ApplicationReport report) {
        return new ApplicationStatus(report.getApplicationId(), report.getName(), report.getUser(), report.getQueue(),
                report.getYarnApplicationState(), report.getFinalApplicationStatus(),
                report.getDiagnostics() == null ? "" : report.getDiagnostics(), report.getTrackingUrl(),
                report.getHost(), report.getRpcPort());
    }

    /** The application has ended; {@link #finalStatus()} says how. */
    public boolean finished() {
        return TERMINAL_STATES.contains(state);
    }
}
