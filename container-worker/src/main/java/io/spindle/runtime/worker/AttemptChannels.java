package io.spindle.runtime.worker;

import io.spindle.protocol.control.ControlMessage.Placement;
import io.spindle.runtime.tasks.ChannelProvider;

import java.util.List;

/** How a worker connects the tasks of an attempt: over TCP to the other workers, or in memory within one JVM. */
@FunctionalInterface
public interface AttemptChannels {

    /** The channels of attempt {@code attempt}, whose subtasks run where {@code placements} say. */
    ChannelProvider open(int attempt, List<Placement> placements);
}
