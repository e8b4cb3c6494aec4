package io.spindle.client.yarn;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the ResourceManager says about an application at one moment. {@code trackingUrl} is the
 * ResourceManager's proxy for people; {@code originalTrackingUrl} is what the ApplicationMaster
 * registered, its own address.
 */
public record ApplicationStatus(ApplicationId id, String name, String type, String user, String queue,
                                YarnApplicationState state, FinalApplicationStatus finalStatus,
                                String diagnostics, String trackingUrl, String originalTrackingUrl,
                                String masterHost, int masterRpcPort) {

    static final Set<YarnApplicationState> TERMINAL_STATES =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    static ApplicationStatus of(ApplicationReport report) {
        return new ApplicationStatus(report.getApplicationId(), report.getName(), report.getApplicationType(),
                report.getUser(), report.getQueue(), report.getYarnApplicationState(), report.getFinalApplicationStatus(),
                report.getDiagnostics() == null ? "" : report.getDiagnostics(), report.getTrackingUrl(),
                report.getOriginalTrackingUrl(), report.getHost(), report.getRpcPort());
    }

    /** The application has ended; {@link #finalStatus()} says how. */
    public boolean finished() {
        return TERMINAL_STATES.contains(state);
    }

    public boolean isSpindle() {
        return YarnSubmission.APPLICATION_TYPE.equals(type);
    }

    /**
     * The ApplicationMaster's own {@code http://host:port/}; empty before it registers (YARN says
     * "N/A" or nothing then) or if it registered no URL.
     */
    public Optional<URI> masterUrl() {
        if (originalTrackingUrl == null) {
            return Optional.empty();
        }
        try {
            URI url = new URI(originalTrackingUrl);
            boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            if (!http || url.getHost() == null) {
                return Optional.empty();
            }
            // relative paths resolve against "http://host:port" as "http://host:portstatus"
            return Optional.of(url.getPath().isEmpty() ? url.resolve("/") : url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
