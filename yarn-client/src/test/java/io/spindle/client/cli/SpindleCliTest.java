package io.spindle.client.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpindleCliTest {

    @TempDir
    Path confDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int spindle(String... args) {
        return spindleWithConfDir(confDir, args);
    }

    private int spindleWithConfDir(Path spindleConfDir, String... args) {
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("SPINDLE_CONF_DIR", spindleConfDir.toString()), Path.of("."));
        return new SpindleCli(Commands.all(), context).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void confFile(String text) throws IOException {
        Files.writeString(confDir.resolve("spindle-conf.yaml"), text);
    }

    @Test
    void helpListsEveryCommandOfTheSpec() {
        assertThat(spindle("--help")).isEqualTo(ExitCode.OK);
        assertThat(out()).contains("run", "list", "status", "savepoint", "stop", "cancel", "checkpoints",
                "savepoint-info", "savepoint-copy", "savepoint-rescale", "savepoint-dispose", "minicluster", "demo", "config");
    }

    @Test
    void commandHelpListsItsOptions() {
        assertThat(spindle("run", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out()).contains("--target", "--class", "--parallelism", "--from-savepoint",
                "--allow-non-restored-state", "-D", "--detached", "--name", "--queue");
    }

    @Test
    void unknownCommandIsBadUsage() {
        assertThat(spindle("frobnicate")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle: unknown command 'frobnicate'; see 'spindle --help'\n");
    }

    @Test
    void unknownOptionIsBadUsageNamingTheCommand() {
        assertThat(spindle("config", "--bogus")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).startsWith("spindle config: Unrecognized option: --bogus");
    }

    @Test
    void aMalformedApplicationIdIsBadInputBeforeAnyClusterIsAsked() {
        assertThat(spindle("status", "application_17")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(spindle("cancel", "job-7")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle status: not an application id: application_17\n"
                + "spindle cancel: not an application id: job-7\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void commandsOnOneApplicationTakeExactlyOneId() {
        assertThat(spindle("status")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(spindle("cancel", "application_1700000000000_0001", "application_1700000000000_0002"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(spindle("list", "application_1700000000000_0001")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle status: expects one application id\n"
                + "spindle cancel: expects one application id\n"
                + "spindle list: unexpected argument 'application_1700000000000_0001'\n");
    }

    @Test
    void configShowsWhereEachValueCameFrom() throws IOException {
        confFile("parallelism.default: 4\nstate.checkpoints.dir: hdfs:///old\n");

        assertThat(spindle("config", "-Dexecution.checkpointing.interval=10s")).isEqualTo(ExitCode.OK);

        assertThat(out()).containsPattern("parallelism.default: 4 +# .*spindle-conf.yaml:1\n")
                .containsPattern("execution.checkpointing.dir: hdfs:///old +# .*spindle-conf.yaml:2, written as "
                        + "state.checkpoints.dir\n")
                .containsPattern("execution.checkpointing.interval: 10 s +# -D\n")
                .containsPattern("pipeline.max-parallelism: 128 +# default\n");
    }

    @Test
    void dynamicPropertyWrittenApartOrAttachedOverridesTheFile() throws IOException {
        confFile("parallelism.default: 4\n");

        spindle("config", "-D", "parallelism.default=6", "-Dpipeline.max-parallelism=256");

        assertThat(out()).containsPattern("parallelism.default: 6 +# -D\n")
                .containsPattern("pipeline.max-parallelism: 256 +# -D\n");
    }

    @Test
    void configWithAnInvalidValueFailsWithTheFileLineAndKey() throws IOException {
        confFile("# comment\nexecution.checkpointing.interval: 10 lightyears\n");

        assertThat(spindle("config")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle config: " + confDir.resolve("spindle-conf.yaml")
                + ":2: error: execution.checkpointing.interval: "
                + "'10 lightyears' has an unknown time unit 'lightyears' (use ms, s, min, h or d, e.g. '10 s')\n");
    }

    @Test
    void aConfDirThatIsAFileIsOneLineOfBadInput() throws IOException {
        Path file = Files.writeString(confDir.resolve("conf"), "parallelism.default: 2\n");

        assertThat(spindleWithConfDir(file, "config")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle config: " + file + ": error: is a file, not a configuration directory\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void aConfigFileThatIsADirectoryIsOneLineOfBadInput() throws IOException {
        Path directory = Files.createDirectory(confDir.resolve("spindle-conf.yaml"));

        assertThat(spindle("config")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).isEqualTo("spindle config: " + directory + ": error: is a directory, not a configuration file\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void checkExitsTwoWhenThereIsAnError() throws IOException {
        confFile("taskmanager.memory.process.size: -1g\n");

        assertThat(spindle("config", "--check")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out()).contains(":1: error: taskmanager.memory.process.size: '-1g' is negative")
                .contains("1 error, 0 warnings");
    }

    @Test
    void checkExitsZeroWhenThereAreOnlyWarnings() throws IOException {
        confFile("execution.checkpointing.intervall: 10 s\n");

        assertThat(spindle("config", "--check")).isEqualTo(ExitCode.OK);
        assertThat(out()).contains(":1: warning: execution.checkpointing.intervall: unknown key; "
                + "did you mean execution.checkpointing.interval?").contains("0 errors, 1 warning");
    }

    @Test
    void withoutACheckpointDirectoryConfigShowsTheDefaultUnderTheUsersHome() throws IOException {
        confFile("execution.checkpointing.interval: 10 s\n");

        assertThat(spindle("config", "--check")).isEqualTo(ExitCode.OK);
        assertThat(spindle("config")).isEqualTo(ExitCode.OK);
        assertThat(out()).containsPattern("execution\\.checkpointing\\.dir: file:/\\S*/\\.spindle/checkpoints +"
                + "# default: the user's home on the cluster");
    }

    @Test
    void dynamicPropertyWithoutEqualsSignIsAnError() {
        assertThat(spindle("config", "--check", "-D", "parallelism.default")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out()).contains("-D: error: 'parallelism.default' is not key=value");
    }

    @Test
    void argumentsAfterTheJobJarAreLeftForTheJob() {
        String[] split = SpindleCli.splitAttachedProperties(Commands.all().get(0),
                new String[] {"-Dparallelism.default=2", "-c", "Job", "job.jar", "-Dnot=mine", "--help"});

        assertThat(split).containsExactly("-D", "parallelism.default=2", "-c", "Job", "job.jar", "-Dnot=mine", "--help");
    }
}
