package io.spindle.core.graph;

/** What an operator of the job graph does. */
public enum OperatorKind { SOURCE, MAP, FLAT_MAP, FILTER, PROCESS, CO_PROCESS, REDUCE, WINDOW, INTERVAL_JOIN, SINK }
