package io.spindle.state.checkpoint.storage;

import io.spindle.core.keys.KeyGroupRange;
import io.spindle.state.checkpoint.CheckpointMetadata;
import io.spindle.state.checkpoint.KeyedStateHandle;
import io.spindle.state.checkpoint.NativeKeyedState;
import io.spindle.state.checkpoint.OperatorState;
import io.spindle.state.checkpoint.OperatorSubtaskState;
import io.spindle.state.checkpoint.StateFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SharedStateRegistryTest {

    private static StateFile file(String name) {
        return new StateFile("shared/" + name, 10, 0x5EED);
    }

    @Test
    void theFirstRegistrationRemembersTheCheckpointThatCreatedTheFile() {
        SharedStateRegistry registry = new SharedStateRegistry();

        registry.registerAll(3, List.of(file("a")));
        registry.registerAll(5, List.of(file("a")));

        assertThat(registry.entry("shared/a")).hasValue(new SharedStateRegistry.Entry(file("a"), 3, 5));
    }

    @Test
    void aLateRegistrationDoesNotMoveTheLastUseBack() {
        SharedStateRegistry registry = new SharedStateRegistry();

        registry.registerAll(5, List.of(file("a")));
        registry.registerAll(4, List.of(file("a")));

        assertThat(registry.entry("shared/a")).hasValue(new SharedStateRegistry.Entry(file("a"), 5, 5));
    }

    @Test
    void filesLastUsedBeforeTheLowestRetainedCheckpointAreUnregisteredAndReturned() {
        SharedStateRegistry registry = new SharedStateRegistry();
        registry.registerAll(1, List.of(file("a"), file("b"), file("c")));
        registry.registerAll(2, List.of(file("b"), file("c"), file("d")));
        registry.registerAll(3, List.of(file("c"), file("d"), file("e")));

        assertThat(registry.unregisterUnusedState(3)).containsExactly(file("a"), file("b"));
        assertThat(registry.entries().keySet()).containsExactlyInAnyOrder("shared/c", "shared/d", "shared/e");
        assertThat(registry.unregisterUnusedState(3)).isEmpty();
    }

    @Test
    void aFileStillUsedByTheLowestRetainedCheckpointIsKept() {
        SharedStateRegistry registry = new SharedStateRegistry();
        registry.registerAll(1, List.of(file("a")));
        registry.registerAll(2, List.of(file("a")));

        assertThat(registry.unregisterUnusedState(2)).isEmpty();
        assertThat(registry.isRegistered(file("a").path())).isTrue();
    }

    @Test
    void theSharedFilesOfACheckpointAreCollectedOnceAcrossSubtasksAndOperators() {
        CheckpointMetadata metadata = new CheckpointMetadata("j", "j", 1, 0, null, List.of(
                new OperatorState("a", 2, 128, List.of(), List.of(
                        subtask(0, Map.of("1.sst", file("x"), "2.sst", file("y"))),
                        subtask(1, Map.of("1.sst", file("x"))))),
                new OperatorState("b", 1, 128, List.of(), List.of(new OperatorSubtaskState(0, Map.of(), null)))));

        assertThat(SharedStateRegistry.sharedFiles(metadata)).containsExactlyInAnyOrder(file("x"), file("y"));
    }

    private static OperatorSubtaskState subtask(int index, Map<String, StateFile> shared) {
        return new OperatorSubtaskState(index, Map.of(), new NativeKeyedState(new KeyGroupRange(0, 127), shared,
                Map.of(), 0));
    }

    /**
     * A coordinator that restarts at checkpoint 60 rebuilds its registry from the 3 retained checkpoints'
     * metadata; from then on both registries must hand back exactly the same files at every subsumption.
     */
    @Test
    void aRegistryRebuiltFromTheRetainedMetadataDeletesExactlyWhatTheLiveOneWould() {
        Random random = new Random(7);
        int numRetained = 3;
        SharedStateRegistry live = new SharedStateRegistry();
        SharedStateRegistry rebuilt = null;
        Deque<CheckpointMetadata> retained = new ArrayDeque<>();
        List<Map<String, StateFile>> liveFiles = List.of(new TreeMap<>(), new TreeMap<>());
        int nextFile = 0;
        int deleted = 0;
        for (long id = 1; id <= 150; id++) {
            List<OperatorSubtaskState> subtasks = new ArrayList<>();
            for (int s = 0; s < liveFiles.size(); s++) {
                Map<String, StateFile> files = liveFiles.get(s);
                for (Iterator<String> it = files.keySet().iterator(); it.hasNext(); ) {
                    it.next();
                    if (random.nextInt(3) == 0) {
                        it.remove();
                    }
                }
                for (int n = random.nextInt(4); n >= 0; n--) {
                    String name = String.format("%06d.sst", nextFile++);
                    files.put(name, file(name + "-" + id));
                }
                subtasks.add(subtask(s, new HashMap<>(files)));
            }
            CheckpointMetadata checkpoint = new CheckpointMetadata("j", "j", id, id, null,
                    List.of(new OperatorState("counts", 2, 128, List.of(), subtasks)));
            if (id == 60) {
                rebuilt = SharedStateRegistry.rebuild(retained);
                assertThat(rebuilt.entries().keySet()).isEqualTo(live.entries().keySet());
            }
            retained.addLast(checkpoint);
            while (retained.size() > numRetained) {
                retained.removeFirst();
            }
            long lowest = retained.getFirst().checkpointId();
            live.registerAll(checkpoint);
            List<StateFile> unusedLive = live.unregisterUnusedState(lowest);
            deleted += unusedLive.size();
            if (rebuilt != null) {
                rebuilt.registerAll(checkpoint);
                assertThat(rebuilt.unregisterUnusedState(lowest)).as("checkpoint %d", id).isEqualTo(unusedLive);
                assertThat(rebuilt.entries().keySet()).isEqualTo(live.entries().keySet());
            }
        }
        assertThat(deleted).isGreaterThan(100);
    }
}
