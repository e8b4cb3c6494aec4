package io.spindle.core.graph;

/**
 * The timer services of a keyed operator, by their names in its keyed state: one for event time and one for
 * processing time (one keyed operator per keyed state backend). Declared with the operator's state, so a restore
 * checks their namespace codec like any state's.
 */
public final class TimerServices {

    private TimerServices() { }

    public static final String EVENT_TIME = "timers/event-time";
    public static final String PROCESSING_TIME = "timers/processing-time";

    /** Declares both timer services of a keyed operator whose timers have namespaces of that codec id. */
    static void declare(StreamNode node, String namespaceCodecId) {
        node.states().add(StateDeclaration.timers(EVENT_TIME, namespaceCodecId));
        node.states().add(StateDeclaration.timers(PROCESSING_TIME, namespaceCodecId));
    }
}
