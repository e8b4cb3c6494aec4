package io.spindle.runtime.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * A subtask's part of checkpoint n, sent when it took its snapshot.
 *
 * @param operatorStates per operator name, the encoded entries of each of its list states
 */
public record TaskSnapshot(String taskName, int vertexId, int subtaskIndex, long checkpointId,
                           Map<String, Map<String, List<byte[]>>> operatorStates) { }
