package io.spindle.connectors.kafka;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionalIdsTest {

    @Test
    void anIdIsThePrefixTheSubtaskAndThePoolIndex() {
        assertThat(TransactionalIds.id("job-7-out", 3, 1)).isEqualTo("job-7-out-3-1");
    }

    @Test
    void theSubtaskIsReadFromTheEndSoPrefixesMayHoldDashesAndDigits() {
        assertThat(TransactionalIds.subtaskOf("spindle-4-2-sink-12-0")).contains(12);
        assertThat(TransactionalIds.hasPrefix("spindle-4-2-sink-12-0", "spindle-4-2-sink")).isTrue();
    }

    @Test
    void afterADownscaleTheIdsOfRemovedSubtasksBelongToSubtaskModuloParallelism() {
        assertThat(TransactionalIds.owns("p-3-0", 1, 2)).isTrue();
        assertThat(TransactionalIds.owns("p-3-0", 0, 2)).isFalse();
        assertThat(TransactionalIds.owns("p-2-5", 0, 2)).isTrue();
    }

    @Test
    void idsNotOfTheFormAreNobodys() {
        assertThat(TransactionalIds.subtaskOf("someone-else")).isEmpty();
        assertThat(TransactionalIds.owns("someone-else", 0, 1)).isFalse();
    }

    @Test
    void theDefaultPrefixIsTheJobIdAndAReadableSinkName() {
        assertThat(TransactionalIds.defaultPrefix("application_1_0002", "to kafka")).isEqualTo(
                "spindle-application_1_0002-to_kafka");
    }

    @Test
    void thePrefixIsWhatComesBeforeTheSubtaskAndThePoolIndex() {
        assertThat(TransactionalIds.prefixOf("spindle-application_1_0002-out-3-1")).hasValue("spindle-application_1_0002-out");
        assertThat(TransactionalIds.prefixOf("someone-else")).isEmpty();
    }

    @Test
    void aRestoredJobAbortsTheLeftOversOfThePrefixesItsRestoredTransactionsHad() {
        List<PendingTransaction> restored = List.of(new PendingTransaction(4, "old-job-out-0-1", 7, (short) 0),
                new PendingTransaction(4, "old-job-out-1-0", 8, (short) 0),
                new PendingTransaction(4, "new-job-out-0-0", 9, (short) 0));

        assertThat(KafkaSink.restoredPrefixes(restored, "new-job-out")).containsExactly("old-job-out");
    }
}
