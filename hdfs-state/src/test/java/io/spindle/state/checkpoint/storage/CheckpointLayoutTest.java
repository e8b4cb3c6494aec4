package io.spindle.state.checkpoint.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointLayoutTest {

    @Test
    void aNewFileLiesInItsDirectoryAndEndsWithItsName() {
        assertThat(CheckpointLayout.newFile(CheckpointLayout.checkpointDirectory(3), "MANIFEST-000005"))
                .startsWith("chk-3/").endsWith("-MANIFEST-000005");
        assertThat(CheckpointLayout.newFile(CheckpointLayout.SHARED_DIR, "000042.sst"))
                .startsWith("shared/").endsWith("-000042.sst");
    }

    @Test
    void twoFilesOfTheSameNameGetDifferentPaths() {
        assertThat(CheckpointLayout.newFile(CheckpointLayout.SHARED_DIR, "CURRENT"))
                .isNotEqualTo(CheckpointLayout.newFile(CheckpointLayout.SHARED_DIR, "CURRENT"));
    }
}
