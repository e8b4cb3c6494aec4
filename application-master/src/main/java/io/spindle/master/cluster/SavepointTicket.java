package io.spindle.master.cluster;

import java.util.concurrent.CompletableFuture;

/** A savepoint request: its number, and its savepoint's path once it completed (or why there is none). */
public record SavepointTicket(int request, CompletableFuture<String> path) { }
