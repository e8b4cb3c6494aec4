package io.spindle.master.yarn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JvmCommandTest {

    @Test
    void givesTheHeapThreeQuartersOfTheContainerAndNeverLessThan64MiB() {
        assertThat(JvmCommand.heapMb(1024)).isEqualTo(768);
        assertThat(JvmCommand.heapMb(512)).isEqualTo(384);
        assertThat(JvmCommand.heapMb(64)).isEqualTo(64);
    }

    @Test
    void passesOptionsAndArgumentsLiterallyThroughTheShell() {
        String line = JvmCommand.line(512, List.of("-Dx=$HOME"), "a.Main", List.of("it's", "two words"));

        assertThat(line).isEqualTo("{{JAVA_HOME}}/bin/java -Xmx384m -Djava.io.tmpdir={{PWD}}/tmp -Dlog4j2.configurationFile=log4j2-container.properties -Dspindle.log.dir=<LOG_DIR> '-Dx=$HOME' 'a.Main'"
                + " 'it'\\''s' 'two words' 1><LOG_DIR>/stdout 2><LOG_DIR>/stderr");
    }
}
