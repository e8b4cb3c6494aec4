package io.spindle.core.graph;

import io.spindle.api.state.StateDescriptor;

import java.util.Locale;
import java.util.Objects;

/**
 * State an operator declared: what checkpoints store and restores check. A namespaced state (a state per key and
 * namespace, e.g. per window) has the id of its namespace codec, any other state an empty one; timers have the
 * namespace codec id and an empty codec id.
 */
public record StateDeclaration(String name, StateKind kind, String codecId, boolean keyed, String namespaceCodecId) {

    public StateDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codecId, "codec id");
        Objects.requireNonNull(namespaceCodecId, "namespace codec id");
    }

    /** A state without namespace. */
    public StateDeclaration(String name, StateDescriptor.Kind kind, String codecId, boolean keyed) {
        this(name, StateKind.of(kind), codecId, keyed, "");
    }

    /** The keyed state a descriptor declares, in namespaces of that codec id ("" for none). */
    public static StateDeclaration keyed(StateDescriptor<?> descriptor, String namespaceCodecId) {
        return new StateDeclaration(descriptor.name(), StateKind.of(descriptor.kind()), descriptor.codecId(), true,
                namespaceCodecId);
    }

    /** The timers of a timer service whose namespaces have that codec id. */
    public static StateDeclaration timers(String name, String namespaceCodecId) {
        return new StateDeclaration(name, StateKind.TIMERS, "", true, namespaceCodecId);
    }

    public boolean namespaced() {
        return !namespaceCodecId.isEmpty();
    }

    /** Whether data saved under this declaration can be read under {@code other}: the same kind and codecs. */
    public boolean compatibleWith(StateDeclaration other) {
        return kind == other.kind && codecId.equals(other.codecId) && namespaceCodecId.equals(other.namespaceCodecId);
    }

    /** "value state with codec 'long'", "list state with codec 'string' and namespace codec 'window'", "timers ...". */
    public String describe() {
        if (kind == StateKind.TIMERS) {
            return "timers with namespace codec '" + namespaceCodecId + "'";
        }
        String state = kind.name().toLowerCase(Locale.ROOT) + " state with codec '" + codecId + "'";
        return namespaced() ? state + " and namespace codec '" + namespaceCodecId + "'" : state;
    }
}
