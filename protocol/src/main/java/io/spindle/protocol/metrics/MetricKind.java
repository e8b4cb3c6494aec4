package io.spindle.protocol.metrics;

/** How a metric's value behaves: a counter only grows during a task's run; a gauge is a reading at one time. */
public enum MetricKind { COUNTER, GAUGE }
