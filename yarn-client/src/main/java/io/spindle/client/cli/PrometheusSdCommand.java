package io.spindle.client.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.spindle.client.yarn.ApplicationStatus;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code spindle prometheus-sd}: a Prometheus service-discovery document (docs/monitoring.md) listing the
 * {@code /metrics} of every running Spindle application's ApplicationMaster, for a {@code file_sd_configs} file that
 * one scrape configuration reads for all of them.
 */
final class PrometheusSdCommand implements Command {

    @Override
    public String name() {
        return "prometheus-sd";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "print a Prometheus service-discovery document of the running applications' /metrics";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, CliContext context) {
        List<Object> targets = new ArrayList<>();
        for (ApplicationStatus application : ListCommand.unfinishedApplications(line, context)) {
            Optional<URI> master = application.masterUrl();
            master.ifPresent(url -> targets.add(Map.of("targets", List.of(url.getHost() + ":" + url.getPort()),
                    "labels", Map.of("__metrics_path__", "/metrics", "spindle_job_id", application.id().toString()))));
        }
        try {
            context.out().println(JSON.std.asString(targets));
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return ExitCode.OK;
    }
}
