package io.spindle.core.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExponentialDelayRestartPolicyTest {

    private static final long NEVER_RESET = Long.MAX_VALUE;
    private static final int UNLIMITED = Integer.MAX_VALUE;
    private static final long DEFAULT_INITIAL = 1_000;
    private static final long DEFAULT_MAX = 60_000;
    private static final int SEEDS = 1_000;

    private static ExponentialDelayRestartPolicy policy(long initial, long max, double multiplier, long reset,
                                                        double jitter, int attempts) {
        return new ExponentialDelayRestartPolicy(initial, max, multiplier, reset, jitter, attempts,
                new SplittableRandom(0));
    }

    /** Flink's defaults apart from the jitter factor. */
    private static ExponentialDelayRestartPolicy defaults(double jitter, RandomGenerator random) {
        return new ExponentialDelayRestartPolicy(DEFAULT_INITIAL, DEFAULT_MAX, 1.5, 3_600_000, jitter, UNLIMITED,
                random);
    }

    private static void assertFailure(RestartPolicy policy, long now, boolean startsNewAttempt, long backoff) {
        assertThat(policy.notifyFailure(now)).as("notifyFailure(%d)", now).isEqualTo(startsNewAttempt);
        assertThat(policy.backoffMillis(now)).as("backoffMillis(%d)", now).isEqualTo(backoff);
    }

    /** Fails 1 ms after each scheduled restart (so never merged, never reset) and returns every backoff. */
    private static List<Long> backoffsFailingRightAfterEachRestart(RestartPolicy policy, int failures) {
        List<Long> backoffs = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < failures; i++) {
            assertThat(policy.notifyFailure(now)).isTrue();
            long backoff = policy.backoffMillis(now);
            backoffs.add(backoff);
            now += backoff + 1;
        }
        return backoffs;
    }

    /** The backoff right after the k-th of failures 8 ms apart, collected over many seeds. */
    private static Set<Long> backoffsAcrossSeeds(LongFunction<RestartPolicy> policyForSeed, int k) {
        Set<Long> seen = new TreeSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            RestartPolicy policy = policyForSeed.apply(seed);
            for (int i = 0; i < k; i++) {
                policy.notifyFailure(8L * i);
            }
            seen.add(policy.backoffMillis(8L * (k - 1)));
        }
        return seen;
    }

    private static Set<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }

    /** Always draws the lowest or the highest value allowed, to hit the extremes of the jitter range. */
    private static RandomGenerator extremeDraws(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only bounded draws are expected");
            }

            @Override
            public long nextLong(long origin, long bound) {
                return highest ? bound - 1 : origin;
            }
        };
    }

    @Test
    void backoffGrowsByOnePowerThenTruncation() { // E1
        var policy = policy(4, 300, 2.3, NEVER_RESET, 0, 10);
        assertFailure(policy, 0, true, 4);
        assertFailure(policy, 301, true, 9);
        assertFailure(policy, 602, true, 21);
    }

    @Test
    void failureAtLeastTheThresholdAfterTheLastRestartResetsTheBackoff() { // E2
        var policy = policy(1, 5, 2, 8, 0.25, UNLIMITED);
        assertFailure(policy, 0, true, 1);
        assertFailure(policy, 8, true, 2);
        assertFailure(policy, 18, true, 1);
    }

    @Test
    void backoffGrowsAndResetsRepeatedlyWhileRestartsStayAllowed() { // E3
        var policy = policy(1, 9, 2, 80, 0.25, UNLIMITED);
        long[] failureTimes = {0, 81, 85, 175, 185};
        long[] backoffs = {1, 1, 2, 1, 2};
        for (int i = 0; i < failureTimes.length; i++) {
            assertThat(policy.canRestart(failureTimes[i])).isTrue();
            assertFailure(policy, failureTimes[i], true, backoffs[i]);
            assertThat(policy.canRestart(failureTimes[i])).isTrue();
        }
    }

    @Test
    void givesUpAfterOneAttemptMoreThanAllowedBeforeReset() { // E4
        var policy = policy(1, 3, 1.2, 10, 0.25, 13);
        for (long now = 0; now <= 52; now += 4) {
            assertThat(policy.canRestart(now)).as("canRestart(%d)", now).isTrue();
            assertThat(policy.notifyFailure(now)).as("notifyFailure(%d)", now).isTrue();
        }
        assertThat(policy.canRestart(52)).isFalse();
    }

    @Test
    void failuresBeforeThePendingRestartJoinItsAttempt() { // E5
        var policy = policy(2, 6, 2, 80, 0, 3);
        assertFailure(policy, 0, true, 2);
        assertFailure(policy, 0, false, 2);
        assertFailure(policy, 1, false, 1);
        assertFailure(policy, 3, true, 4);
        assertFailure(policy, 3, false, 4);
        assertFailure(policy, 6, false, 1);
        assertFailure(policy, 8, true, 6);
        assertFailure(policy, 13, false, 1);
        assertThat(policy.notifyFailure(15)).isTrue();
        assertThat(policy.canRestart(15)).isFalse();
    }

    @Test
    void failureAtTheScheduledRestartTimeStillJoinsThePendingAttempt() {
        var policy = policy(2, 6, 2, 80, 0, 3);
        assertFailure(policy, 0, true, 2);
        assertFailure(policy, 2, false, 0);
    }

    @Test
    void firstFailureStartsAnAttemptWhateverTheClockOrigin() {
        // a monotonic clock may well read far below zero
        assertFailure(policy(2, 6, 2, 80, 0, 3), -5_000_000_000L, true, 2);
    }

    @Test
    void resetAfterMergedFailuresRestoresBackoffAndAttemptBudget() { // E6
        var policy = policy(2, 6, 2, 80, 0, 3);
        for (long now : new long[] {0, 3, 8}) {
            policy.notifyFailure(now);
        }
        assertFailure(policy, 94, true, 2);
        assertThat(policy.canRestart(94)).isTrue();
    }

    static Stream<Arguments> jitterQuarter() {
        return Stream.of(arguments(2, range(3, 5)), arguments(3, range(6, 7)), arguments(4, Set.of(7L)));
    }

    @ParameterizedTest(name = "after {0} failures: {1}")
    @MethodSource("jitterQuarter")
    void jitterSpreadsTheBackoffAroundTheBaseWithinMax(int failures, Set<Long> expected) { // E7
        assertThat(backoffsAcrossSeeds(
                seed -> new ExponentialDelayRestartPolicy(2, 7, 2, NEVER_RESET, 0.25, UNLIMITED,
                        new SplittableRandom(seed)),
                failures))
                .containsExactlyElementsOf(new TreeSet<>(expected));
    }

    static Stream<Arguments> fullJitter() {
        return Stream.of(arguments(1, range(1, 2)), arguments(2, range(1, 4)), arguments(3, range(1, 7)));
    }

    @ParameterizedTest(name = "after {0} failures: {1}")
    @MethodSource("fullJitter")
    void fullJitterNeverGoesBelowInitialOrAboveMax(int failures, Set<Long> expected) { // E8
        assertThat(backoffsAcrossSeeds(
                seed -> new ExponentialDelayRestartPolicy(1, 7, 2, NEVER_RESET, 1.0, UNLIMITED,
                        new SplittableRandom(seed)),
                failures))
                .containsExactlyElementsOf(new TreeSet<>(expected));
    }

    @Test
    void firstFailureWaitsTheInitialBackoff() { // E9 (the exception before it: RestartPolicyContractTest)
        assertFailure(policy(42, 45, 2, 8, 0, UNLIMITED), 0, true, 42);
    }

    @Test
    void defaultsWithoutJitterGrowToMaxBackoff() { // E10
        assertThat(backoffsFailingRightAfterEachRestart(defaults(0, new SplittableRandom(0)), 12))
                .containsExactly(1000L, 1500L, 2250L, 3375L, 5062L, 7593L, 11390L, 17085L, 25628L, 38443L, 57665L,
                        60000L);
    }

    @Test
    void defaultsKeepWaitingMaxBackoffThroughAThousandFailures() { // E11
        List<Long> backoffs = backoffsFailingRightAfterEachRestart(defaults(0.1, new SplittableRandom(0)), 1_000);
        assertThat(backoffs.subList(11, backoffs.size())).containsOnly(DEFAULT_MAX);
    }

    @Test
    void fullJitterNeverOverflowsInALongRun() { // E11 with jitter 1.0
        // 2,000 failures take the power past Long.MAX_VALUE (from attempt 91) and past Double.MAX_VALUE.
        List<Long> backoffs = backoffsFailingRightAfterEachRestart(defaults(1.0, new SplittableRandom(0)), 2_000);
        assertThat(backoffs).allSatisfy(backoff -> assertThat(backoff).isBetween(DEFAULT_INITIAL, DEFAULT_MAX));
        // From here on the chance of landing below max is below 1e-7 in total; an overflow would land on initial.
        assertThat(backoffs.subList(50, backoffs.size())).containsOnly(DEFAULT_MAX);
    }

    @ParameterizedTest(name = "jitter {0}")
    @ValueSource(doubles = {0.1, 1.0})
    void highestJitterOnAHugeBaseClampsToMaxInsteadOfOverflowing(double jitter) {
        List<Long> backoffs = backoffsFailingRightAfterEachRestart(defaults(jitter, extremeDraws(true)), 2_000);
        assertThat(backoffs.subList(11, backoffs.size())).containsOnly(DEFAULT_MAX);
    }

    @Test
    void lowestFullJitterOnAHugeBaseStillReachesInitial() {
        // base - offset is 0 for jitter 1.0 however large the base: the exact clamp gives initial.
        List<Long> backoffs = backoffsFailingRightAfterEachRestart(defaults(1.0, extremeDraws(false)), 2_000);
        assertThat(backoffs).containsOnly(DEFAULT_INITIAL);
    }

    static Stream<Arguments> invalidArguments() {
        String key = "restart-strategy.exponential-delay.";
        return Stream.of(
                arguments(0L, 60_000L, 1.5, 3_600_000L, 0.1, UNLIMITED,
                        key + "initial-backoff must be at least 1 ms, got 0 ms"),
                arguments(1_000L, 0L, 1.5, 3_600_000L, 0.1, UNLIMITED,
                        key + "max-backoff must be at least 1 ms, got 0 ms"),
                arguments(5_000L, 1_000L, 1.5, 3_600_000L, 0.1, UNLIMITED,
                        key + "initial-backoff (5000 ms) must not be greater than " + key + "max-backoff (1000 ms)"),
                arguments(1_000L, 60_000L, 0.5, 3_600_000L, 0.1, UNLIMITED,
                        key + "backoff-multiplier must be greater than 1, got 0.5"),
                arguments(1_000L, 60_000L, 1.0, 3_600_000L, 0.1, UNLIMITED,
                        key + "backoff-multiplier must be greater than 1, got 1.0"),
                arguments(1_000L, 60_000L, Double.NaN, 3_600_000L, 0.1, UNLIMITED,
                        key + "backoff-multiplier must be greater than 1, got NaN"),
                arguments(1_000L, 60_000L, 1.5, 0L, 0.1, UNLIMITED,
                        key + "reset-backoff-threshold must be at least 1 ms, got 0 ms"),
                arguments(1_000L, 60_000L, 1.5, 3_600_000L, -0.1, UNLIMITED,
                        key + "jitter-factor must be between 0 and 1, got -0.1"),
                arguments(1_000L, 60_000L, 1.5, 3_600_000L, 1.5, UNLIMITED,
                        key + "jitter-factor must be between 0 and 1, got 1.5"),
                arguments(1_000L, 60_000L, 1.5, 3_600_000L, 0.1, 0,
                        key + "attempts-before-reset-backoff must be at least 1, got 0"));
    }

    @ParameterizedTest(name = "{6}")
    @MethodSource("invalidArguments")
    void rejectsInvalidArgumentsNamingTheConfigKey(long initial, long max, double multiplier, long reset,
                                                   double jitter, int attempts, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy(initial, max, multiplier, reset, jitter, attempts))
                .withMessage(message);
    }

    @Test
    void describesItsParameters() {
        assertThat(defaults(0.1, new SplittableRandom(0))).hasToString("exponential-delay (initial backoff 1000 ms, "
                + "max backoff 60000 ms, multiplier 1.5, reset after 3600000 ms, jitter 0.1, "
                + "attempts before reset 2147483647)");
    }
}
