package io.spindle.state.rocksdb;

import io.spindle.state.checkpoint.StateFile;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UploadedSstFilesTest {

    private static final Map<String, StateFile> RESTORED =
            Map.of("000007.sst", new StateFile("shared/r-000007.sst", 7, 0x5EED));
    private static final Map<String, StateFile> FIRST = Map.of("000009.sst", new StateFile("shared/a-000009.sst", 9, 0x5EED));
    private static final Map<String, StateFile> SECOND = Map.of("000011.sst", new StateFile("shared/b-000011.sst", 11, 0x5EED));

    private final UploadedSstFiles uploaded = new UploadedSstFiles();

    @Test
    void thereIsNoBaseBeforeAnyConfirmation() {
        uploaded.uploaded(1, FIRST);

        assertThat(uploaded.confirmedBase()).isEmpty();
    }

    @Test
    void theRestoredFilesAreTheBaseUntilACheckpointIsConfirmed() {
        uploaded.seedWithRestored(RESTORED);
        uploaded.uploaded(1, FIRST);
        assertThat(uploaded.confirmedBase()).isEqualTo(RESTORED);

        uploaded.confirmed(1);

        assertThat(uploaded.confirmedBase()).isEqualTo(FIRST);
    }

    @Test
    void theConfirmationOfASavepointLeavesTheBaseAsItIs() {
        uploaded.uploaded(1, FIRST);
        uploaded.confirmed(1);
        uploaded.savepoint(2);

        uploaded.confirmed(2);

        assertThat(uploaded.confirmedBase()).isEqualTo(FIRST);
        assertThat(uploaded.lastConfirmedCheckpointId()).isEqualTo(1);
    }

    @Test
    void aLateConfirmationOfAnOlderCheckpointDoesNotMoveTheBaseBack() {
        uploaded.uploaded(1, FIRST);
        uploaded.uploaded(2, SECOND);
        uploaded.confirmed(2);

        uploaded.confirmed(1);

        assertThat(uploaded.confirmedBase()).isEqualTo(SECOND);
        assertThat(uploaded.lastConfirmedCheckpointId()).isEqualTo(2);
    }

    @Test
    void confirmingACheckpointThisInstanceDidNotUploadEmptiesTheBase() {
        uploaded.uploaded(1, FIRST);
        uploaded.confirmed(1);

        uploaded.confirmed(2);

        assertThat(uploaded.confirmedBase()).isEmpty();
    }

    @Test
    void anUploadOlderThanTheConfirmedCheckpointIsIgnored() {
        uploaded.uploaded(2, SECOND);
        uploaded.confirmed(2);

        uploaded.uploaded(1, FIRST);
        uploaded.confirmed(3);

        assertThat(uploaded.confirmedBase()).isEmpty();
    }

    @Test
    void aFileANewerUnconfirmedCheckpointUploadedAgainIsNotReusedFromTheBase() {
        // Checkpoint 2 was taken before 1 was confirmed, so it uploaded 000009.sst again; once 2 completes, the
        // copy of checkpoint 1 may be deleted with it.
        Map<String, StateFile> secondWithCopy = Map.of(
                "000009.sst", new StateFile("shared/c-000009.sst", 9, 0x5EED),
                "000011.sst", new StateFile("shared/b-000011.sst", 11, 0x5EED));
        uploaded.uploaded(1, Map.of(
                "000009.sst", FIRST.get("000009.sst"),
                "000010.sst", new StateFile("shared/a-000010.sst", 10, 0x5EED)));
        uploaded.uploaded(2, secondWithCopy);

        uploaded.confirmed(1);

        assertThat(uploaded.confirmedBase()).containsOnlyKeys("000010.sst");
    }

    @Test
    void aFileANewerSnapshotStillUploadingUploadsAgainIsNotReusedFromTheBase() {
        uploaded.uploaded(1, FIRST);
        uploaded.taken(2, java.util.Set.of("000009.sst"));

        uploaded.confirmed(1);

        assertThat(uploaded.confirmedBase()).isEmpty();
    }

    @Test
    void aFileANewerCheckpointReusedStaysInTheBase() {
        uploaded.uploaded(1, FIRST);
        uploaded.uploaded(2, Map.of("000009.sst", FIRST.get("000009.sst"), "000011.sst", SECOND.get("000011.sst")));

        uploaded.confirmed(1);

        assertThat(uploaded.confirmedBase()).isEqualTo(FIRST);
    }

    @Test
    void anAbortedCheckpointNeverBecomesTheBase() {
        uploaded.uploaded(1, FIRST);
        uploaded.aborted(1);

        uploaded.confirmed(1);

        assertThat(uploaded.confirmedBase()).isEmpty();
    }
}
