package io.spindle.client.bench;

import io.spindle.api.JobParams;
import io.spindle.client.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NexmarkBenchTest {

    private static final Set<String> QUERIES = Set.of("q0", "q5", "q11");

    private static NexmarkBench.Run parse(String... args) {
        return NexmarkBench.parse(JobParams.fromArgs(List.of(args)), QUERIES);
    }

    @Test
    void defaultsToTenMillionEventsAtParallelismTwoLocally() {
        assertThat(parse("--query", "q5")).isEqualTo(new NexmarkBench.Run("q5", 10_000_000, 2, "local"));
    }

    @Test
    void takesEventsParallelismAndTarget() {
        assertThat(parse("--query", "q0", "--events", "2000000", "--parallelism", "3", "--target", "yarn"))
                .isEqualTo(new NexmarkBench.Run("q0", 2_000_000, 3, "yarn"));
    }

    @Test
    void namesTheQueriesWhenNoneOrAnUnknownOneIsGiven() {
        assertThatThrownBy(() -> parse("--events", "5")).isInstanceOf(UsageException.class)
                .hasMessage("W5 needs --query q0|q5|q11");
        assertThatThrownBy(() -> parse("--query", "q9")).isInstanceOf(UsageException.class)
                .hasMessage("--query q9 is not one of q0|q5|q11");
    }

    @Test
    void refusesBadNumbersAndTargets() {
        assertThatThrownBy(() -> parse("--query", "q0", "--events", "-1")).isInstanceOf(UsageException.class)
                .hasMessage("--events must be at least 1, not -1");
        assertThatThrownBy(() -> parse("--query", "q0", "--events", "many")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--events");
        assertThatThrownBy(() -> parse("--query", "q0", "--parallelism", "0")).isInstanceOf(UsageException.class)
                .hasMessage("--parallelism must be at least 1, not 0");
        assertThatThrownBy(() -> parse("--query", "q0", "--target", "mars")).isInstanceOf(UsageException.class)
                .hasMessage("--target must be local or yarn, not mars");
    }
}
