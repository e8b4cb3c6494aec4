package io.spindle.runtime.local;

import java.util.Map;

/**
 * How a finished job went.
 *
 * @param recordsIn records each operator received, by operator name, summed over its subtasks
 */
public record JobResult(String jobName, long wallMillis, Map<String, Long> recordsIn) { }
