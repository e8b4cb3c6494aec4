package io.spindle.api.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A Java record as its components in declaration order, each with its own codec, nothing else (no header, no
 * names). Built by {@link RecordDerivation}; the id lists component names and codec ids, so a changed record shape
 * gives a different id.
 */
final class RecordCodec<R> extends NonNullCodec<R> {

    /** One component: its name, its codec, its accessor typed (Object)Object. */
    record Component(String name, Codec<?> codec, MethodHandle accessor) { }

    private final Class<R> type;
    private final String[] names;
    private final Codec<?>[] codecs;
    private final MethodHandle[] accessors;
    /** The canonical constructor typed (Object[])Object. */
    private final MethodHandle constructor;

    RecordCodec(Class<R> type, List<Component> components, MethodHandle constructor) {
        super(idOf(type, components));
        this.type = type;
        int n = components.size();
        this.names = new String[n];
        this.codecs = new Codec<?>[n];
        this.accessors = new MethodHandle[n];
        for (int i = 0; i < n; i++) {
            Component component = components.get(i);
            names[i] = component.name();
            codecs[i] = component.codec();
            accessors[i] = component.accessor();
        }
        this.constructor = constructor;
    }

    private static String idOf(Class<?> type, List<Component> components) {
        StringBuilder id = new StringBuilder("record(").append(type.getName());
        String separator = ":";
        for (Component component : components) {
            id.append(separator).append(component.name()).append('=')
                    .append(NonNullCodec.idOf(component.codec(), "component '" + component.name() + "'"));
            separator = ",";
        }
        return id.append(')').toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    void encodeNonNull(R value, DataOutput out) throws IOException {
        for (int i = 0; i < codecs.length; i++) {
            Object component;
            try {
                component = (Object) accessors[i].invokeExact((Object) value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("accessor " + names[i] + "() of record " + type.getName() + " threw", e);
            }
            if (component == null && codecs[i] instanceof NonNullCodec) {
                throw new NullPointerException("component '" + names[i] + "' of record " + type.getName()
                        + " is null, and codec '" + codecs[i].id() + "' cannot encode null; if it may be null, give"
                        + " Codecs.nullable(...) for it with Codecs.record(" + RecordDerivation.sourceName(type)
                        + ".class, Map.of(\"" + names[i] + "\", ...))");
            }
            ((Codec<Object>) codecs[i]).encode(component, out);
        }
    }

    @Override
    public R decode(DataInput in) throws IOException {
        Object[] arguments = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            arguments[i] = codecs[i].decode(in);
        }
        try {
            return type.cast((Object) constructor.invokeExact(arguments));
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("record " + type.getName() + " rejected the decoded components: " + e, e);
        }
    }
}
