package io.spindle.connectors.kafka;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionAssignmentTest {

    @Test
    void aTopicsPartitionsGoRoundTheSubtasksFromAPlaceTheTopicNameGives() {
        int start = (("orders".hashCode() * 31) & 0x7FFFFFFF) % 3;

        for (int partition = 0; partition < 7; partition++) {
            assertThat(PartitionAssignment.owner("orders", partition, 3)).isEqualTo((start + partition) % 3);
        }
    }

    @Test
    void asManyPartitionsAsSubtasksGiveEachSubtaskOne() {
        Set<Integer> owners = new HashSet<>();
        for (int partition = 0; partition < 4; partition++) {
            owners.add(PartitionAssignment.owner("events", partition, 4));
        }

        assertThat(owners).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void ownersAreSubtasksEvenForTopicsWhoseHashIsNegative() {
        String topic = "polygenelubricants"; // String.hashCode() == Integer.MIN_VALUE
        assertThat(topic.hashCode()).isEqualTo(Integer.MIN_VALUE);

        assertThat(PartitionAssignment.owner(topic, 5, 7)).isBetween(0, 6);
    }
}
