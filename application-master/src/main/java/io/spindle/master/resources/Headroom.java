package io.spindle.master.resources;

import java.util.Optional;

/** What the cluster would still grant the application: {@code memoryMb} more, in its {@code queue} if named. */
public record Headroom(long memoryMb, Optional<String> queue) { }
