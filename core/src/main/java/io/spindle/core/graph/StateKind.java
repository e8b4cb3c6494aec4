package io.spindle.core.graph;

import io.spindle.api.state.StateDescriptor;

/**
 * What a declared piece of keyed or operator state is: the kinds of {@link StateDescriptor.Kind} a job declares,
 * and the timers of a timer service, which the runtime declares and which have no descriptor in the user API.
 * Stored by name in checkpoints and savepoints.
 */
public enum StateKind {
    VALUE, LIST, MAP, REDUCING, TIMERS;

    public static StateKind of(StateDescriptor.Kind kind) {
        return valueOf(kind.name());
    }
}
