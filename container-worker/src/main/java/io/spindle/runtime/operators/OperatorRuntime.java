package io.spindle.runtime.operators;

import io.spindle.api.connectors.FileAccess;
import io.spindle.runtime.io.ElementTimestamp;
import io.spindle.state.KeyedStateBackend;

import java.util.function.LongSupplier;

/**
 * What the task gives an operator: its place among the subtasks, its state and services.
 *
 * @param jobId the job's id: the same in all its attempts, unique among jobs
 * @param attemptNumber 0 in the job's first execution, one more after each restart
 * @param keyedState the subtask's keyed state, null unless the operator's input is keyed
 * @param timestamp the event time of the record the chain is processing, which its output records get
 */
public record OperatorRuntime(String jobId, int subtaskIndex, int parallelism, int attemptNumber,
                              OperatorStates operatorStates, KeyedStateBackend<Object> keyedState, FileAccess files,
                              LongSupplier clock, ElementTimestamp timestamp) { }
