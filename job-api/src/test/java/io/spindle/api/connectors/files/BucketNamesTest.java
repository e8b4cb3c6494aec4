package io.spindle.api.connectors.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketNamesTest {

    @Test
    void nestedVisibleNamesAndTheBaseDirectoryAreBuckets() {
        assertThatCode(() -> {
            Staging.checkBucket("dt=2024-01-01/hour=03");
            Staging.checkBucket("");
        }).doesNotThrowAnyException();
    }

    @Test
    void aBucketThatReadersWouldSkipOrThatLeavesTheBaseDirectoryIsRefused() {
        for (String bucket : new String[] {".hidden", "a/_temporary", "a//b", "/absolute", "..", "a/"}) {
            assertThatThrownBy(() -> Staging.checkBucket(bucket)).as(bucket)
                    .hasMessage("bucket '" + bucket + "' is not a relative path of visible names (none empty or "
                            + "starting with '.' or '_')");
        }
    }
}
