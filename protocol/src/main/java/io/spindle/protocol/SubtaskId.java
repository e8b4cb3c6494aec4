package io.spindle.protocol;

/** A subtask of the job's plan: its task vertex and index. */
public record SubtaskId(int vertexId, int subtaskIndex) { }
