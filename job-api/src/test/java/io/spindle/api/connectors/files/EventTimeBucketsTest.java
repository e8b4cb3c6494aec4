package io.spindle.api.connectors.files;

import io.spindle.api.JobDefinitionException;
import io.spindle.api.eventtime.Watermarks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimeBucketsTest {

    private static final String HOURLY = "'dt='yyyy-MM-dd/'hour='HH";

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void theLastMillisecondOfADayIsInItsLastHour() {
        BucketAssigner<String> buckets = BucketAssigner.byEventTime(HOURLY);

        assertThat(buckets.bucket("r", at("2024-03-10T23:59:59.999Z"))).isEqualTo("dt=2024-03-10/hour=23");
    }

    @Test
    void theFirstMillisecondOfADayStartsItsFirstHour() {
        BucketAssigner<String> buckets = BucketAssigner.byEventTime(HOURLY);

        assertThat(buckets.bucket("r", at("2024-03-11T00:00:00Z"))).isEqualTo("dt=2024-03-11/hour=00");
    }

    @Test
    void timesBeforeTheEpochFallIntoTheirOwnHour() {
        BucketAssigner<String> buckets = BucketAssigner.byEventTime(HOURLY);

        assertThat(buckets.bucket("r", -1)).isEqualTo("dt=1969-12-31/hour=23");
    }

    @Test
    void aGivenZoneMovesTheBoundaries() {
        BucketAssigner<String> buckets = BucketAssigner.byEventTime(HOURLY, ZoneId.of("Asia/Kolkata"));

        assertThat(buckets.bucket("r", at("2024-03-10T18:29:59.999Z"))).isEqualTo("dt=2024-03-10/hour=23");
        assertThat(buckets.bucket("r", at("2024-03-10T18:30:00Z"))).isEqualTo("dt=2024-03-11/hour=00");
    }

    @Test
    void aRecordWithoutEventTimeIsRefusedSayingWhatIsMissing() {
        BucketAssigner<String> buckets = BucketAssigner.byEventTime(HOURLY);

        assertThatThrownBy(() -> buckets.bucket("r", Watermarks.NO_TIMESTAMP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("give the source a watermark strategy");
    }

    @Test
    void anInvalidPatternIsRefusedWhenTheJobIsDefined() {
        assertThatThrownBy(() -> BucketAssigner.byEventTime("'dt=yyyy"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageStartingWith("bucket pattern ''dt=yyyy': ");
    }
}
