package io.spindle.client.cli;

import io.spindle.core.config.ConfigLoader;
import io.spindle.core.config.Configuration;
import io.spindle.core.config.LoadedConfiguration;
import io.spindle.core.options.SpindleOptions;
import io.spindle.master.yarn.HadoopSiteFiles;
import io.spindle.state.fs.HadoopConfigurations;
import org.apache.commons.cli.CommandLine;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Reads the effective configuration for a command, through the one loader every command uses, so that
 * {@code spindle config}, {@code config --check} and {@code run} (on YARN or local) check the same things.
 */
final class ClientConfiguration {

    private ClientConfiguration() { }

    /** The configuration with every problem found, none reported yet. */
    static LoadedConfiguration read(CliContext context, List<String> dynamicProperties) {
        return new ConfigLoader(SpindleOptions.REGISTRY).load(context.confDir(), dynamicProperties);
    }

    /** The configuration a command runs with: the warnings to stderr, the first error thrown (bad input). */
    static Configuration checked(LoadedConfiguration loaded, CliContext context) {
        loaded.warnings().forEach(context.err()::println);
        return loaded.orThrow();
    }

    static Configuration load(CliContext context, List<String> dynamicProperties) {
        return checked(read(context, dynamicProperties), context);
    }

    /** The values of the repeatable {@code -D key=value} option. */
    static List<String> dynamicProperties(CommandLine line) {
        return List.of(Optional.ofNullable(line.getOptionValues("D")).orElse(new String[0]));
    }

    /**
     * The Hadoop configuration of the cluster the command talks to: Hadoop's files on the classpath, the site
     * files in {@code $HADOOP_CONF_DIR} (Hadoop's convention; read here too, so that the cluster is found
     * whether or not the launcher put that directory on the classpath), and above both the job's Hadoop keys
     * (values set on a Hadoop configuration outrank its resources, even those added later).
     */
    static org.apache.hadoop.conf.Configuration hadoop(CliContext context, Configuration configuration) {
        org.apache.hadoop.conf.Configuration hadoop = new YarnConfiguration(HadoopConfigurations.of(configuration));
        String confDir = context.environment().get("HADOOP_CONF_DIR");
        if (confDir != null && !confDir.isBlank()) {
            for (String site : HadoopSiteFiles.NAMES) {
                java.nio.file.Path file = java.nio.file.Path.of(confDir, site);
                if (Files.isRegularFile(file)) {
                    hadoop.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
                }
            }
        }
        return hadoop;
    }
}
