package io.spindle.api.codec;

import io.spindle.api.Tuple2;
import io.spindle.api.Tuple3;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Derives a record's codec from the declared (generic) types of its components: primitives and their boxes,
 * String, byte[], enums, records (recursively, including parameterized generic records), List, Map, Optional,
 * Tuple2 and Tuple3. Anything else is an {@link IllegalArgumentException} naming the record, the component and its
 * type.
 *
 * <p>Recursive records are supported when the recursion passes through a List, Map or Optional (a tree of
 * {@code record Node(String name, List<Node> children)}): the inner occurrence becomes a reference to the codec
 * being built, with id {@code recursive(<class>)}. A record that contains itself with no List, Map or Optional in
 * between could never be encoded (every value would need an infinite chain of non-null components) and is rejected;
 * so is recursion through a generic record.
 *
 * <p>Each derivation starts afresh (no cache), so a record's id never depends on what was derived before.
 */
final class RecordDerivation {

    private static final Map<Class<?>, Codec<?>> SCALARS = Map.ofEntries(
            Map.entry(boolean.class, Scalars.BOOLEAN), Map.entry(Boolean.class, Scalars.BOOLEAN),
            Map.entry(byte.class, Scalars.BYTE), Map.entry(Byte.class, Scalars.BYTE),
            Map.entry(short.class, Scalars.SHORT), Map.entry(Short.class, Scalars.SHORT),
            Map.entry(int.class, Scalars.INT), Map.entry(Integer.class, Scalars.INT),
            Map.entry(long.class, Scalars.LONG), Map.entry(Long.class, Scalars.LONG),
            Map.entry(float.class, Scalars.FLOAT), Map.entry(Float.class, Scalars.FLOAT),
            Map.entry(double.class, Scalars.DOUBLE), Map.entry(Double.class, Scalars.DOUBLE),
            Map.entry(char.class, Scalars.CHAR), Map.entry(Character.class, Scalars.CHAR),
            Map.entry(String.class, Scalars.STRING),
            Map.entry(byte[].class, Scalars.BYTES));

    /** A type argument of a parameterized record, with the bindings it is to be read in. */
    private record Binding(Type type, Map<TypeVariable<?>, Binding> bindings) { }

    /** A record being derived, and the component being resolved in it. */
    private static final class Frame {
        final Class<?> type;
        final int containerDepth;
        final List<RecursiveRef<?>> references = new ArrayList<>();
        String component;

        Frame(Class<?> type, int containerDepth) {
            this.type = type;
            this.containerDepth = containerDepth;
        }
    }

    /** Why a type has no codec: the culprit (maybe part of the component's type) and an optional explanation. */
    private static final class Unresolvable extends Exception {
        final Type culprit;
        final String reason;

        Unresolvable(Type culprit, String reason) {
            super(null, null, false, false);
            this.culprit = culprit;
            this.reason = reason;
        }
    }

    private final List<Frame> stack = new ArrayList<>();
    private int containerDepth;

    private RecordDerivation() { }

    static <R extends Record> Codec<R> derive(Class<R> type, Map<String, Codec<?>> componentCodecs) {
        if (type == null) {
            throw new NullPointerException("record class is null");
        }
        if (componentCodecs == null) {
            throw new NullPointerException("component codecs of record " + type.getName() + " are null");
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record class");
        }
        return new RecordDerivation().record(type, Map.of(), componentCodecs);
    }

    private <R> RecordCodec<R> record(Class<R> type, Map<TypeVariable<?>, Binding> bindings,
                                      Map<String, Codec<?>> explicit) {
        RecordComponent[] components = type.getRecordComponents();
        checkExplicit(type, components, explicit);
        Frame frame = new Frame(type, containerDepth);
        stack.add(frame);
        List<RecordCodec.Component> resolved = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            frame.component = component.getName();
            Codec<?> codec = explicit.get(component.getName());
            if (codec == null) {
                try {
                    codec = resolve(component.getGenericType(), bindings);
                } catch (Unresolvable e) {
                    throw new IllegalArgumentException(noCodec(component, e));
                }
            }
            resolved.add(new RecordCodec.Component(component.getName(), codec, accessor(type, component)));
        }
        stack.remove(stack.size() - 1);
        RecordCodec<R> codec = new RecordCodec<>(type, resolved, constructor(type, components));
        for (RecursiveRef<?> reference : frame.references) {
            reference.bind(codec);
        }
        return codec;
    }

    private static void checkExplicit(Class<?> type, RecordComponent[] components, Map<String, Codec<?>> explicit) {
        if (explicit.isEmpty()) {
            return;
        }
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toList());
        for (Map.Entry<String, Codec<?>> entry : explicit.entrySet()) {
            if (!names.contains(entry.getKey())) {
                throw new IllegalArgumentException("record " + type.getName() + " has no component '" + entry.getKey()
                        + "'; its components are " + names);
            }
            if (entry.getValue() == null) {
                throw new NullPointerException("the codec given for component '" + entry.getKey() + "' of record "
                        + type.getName() + " is null");
            }
        }
    }

    private Codec<?> resolve(Type type, Map<TypeVariable<?>, Binding> bindings) throws Unresolvable {
        if (type instanceof Class<?> c) {
            return resolveClass(c);
        }
        if (type instanceof ParameterizedType p) {
            return resolveParameterized(p, bindings);
        }
        if (type instanceof TypeVariable<?> v) {
            Binding binding = bindings.get(v);
            if (binding == null) {
                throw new Unresolvable(v, v.getName() + " is a type variable of " + declarer(v)
                        + ", whose type is not known at runtime");
            }
            return resolve(binding.type(), binding.bindings());
        }
        if (type instanceof WildcardType) {
            throw new Unresolvable(type, "a wildcard has no codec; declare the exact type");
        }
        if (type instanceof GenericArrayType) {
            throw new Unresolvable(type, "arrays other than byte[] have no codec; use a List");
        }
        throw new Unresolvable(type, null);
    }

    private Codec<?> resolveClass(Class<?> c) throws Unresolvable {
        Codec<?> scalar = SCALARS.get(c);
        if (scalar != null) {
            return scalar;
        }
        if (c.isEnum()) {
            return enumCodec(c);
        }
        if (c == Tuple2.class || c == Tuple3.class || c == List.class || c == Map.class || c == Optional.class
                || (c.isRecord() && c.getTypeParameters().length > 0)) {
            throw new Unresolvable(c, "the raw type " + c.getName() + " has no type arguments");
        }
        if (c.isRecord()) {
            return recordOrReference(c, Map.of());
        }
        if (c.isArray()) {
            throw new Unresolvable(c, "arrays other than byte[] have no codec; use a List");
        }
        throw new Unresolvable(c, null);
    }

    private Codec<?> resolveParameterized(ParameterizedType p, Map<TypeVariable<?>, Binding> bindings)
            throws Unresolvable {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] arguments = p.getActualTypeArguments();
        if (raw == Tuple2.class) {
            return new Composites.Tuple2Codec<>(resolve(arguments[0], bindings), resolve(arguments[1], bindings));
        }
        if (raw == Tuple3.class) {
            return new Composites.Tuple3Codec<>(resolve(arguments[0], bindings), resolve(arguments[1], bindings),
                    resolve(arguments[2], bindings));
        }
        if (raw == List.class || raw == Map.class || raw == Optional.class) {
            containerDepth++;
            try {
                if (raw == List.class) {
                    return new Composites.ListCodec<>(resolve(arguments[0], bindings));
                }
                if (raw == Map.class) {
                    return new Composites.MapCodec<>(resolve(arguments[0], bindings), resolve(arguments[1], bindings));
                }
                return new Composites.OptionalCodec<>(resolve(arguments[0], bindings));
            } finally {
                containerDepth--;
            }
        }
        if (raw.isRecord()) {
            TypeVariable<?>[] parameters = raw.getTypeParameters();
            Map<TypeVariable<?>, Binding> inner = new HashMap<>();
            for (int i = 0; i < parameters.length; i++) {
                inner.put(parameters[i], new Binding(arguments[i], bindings));
            }
            return recordOrReference(raw, inner);
        }
        throw new Unresolvable(p, null);
    }

    private Codec<?> recordOrReference(Class<?> type, Map<TypeVariable<?>, Binding> bindings) throws Unresolvable {
        for (Frame frame : stack) {
            if (frame.type != type) {
                continue;
            }
            if (type.getTypeParameters().length > 0) {
                throw new Unresolvable(type, "recursion through the generic record " + type.getName()
                        + " is not supported");
            }
            if (frame.containerDepth == containerDepth) {
                throw new Unresolvable(type, "record " + type.getName() + " contains itself with no List, Map or"
                        + " Optional in between, so no finite value could be encoded");
            }
            RecursiveRef<?> reference = new RecursiveRef<>(type);
            frame.references.add(reference);
            return reference;
        }
        return record(type, bindings, Map.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Codec<?> enumCodec(Class<?> c) {
        return new EnumCodec(c);
    }

    private String noCodec(RecordComponent component, Unresolvable e) {
        Class<?> record = component.getDeclaringRecord();
        StringBuilder message = new StringBuilder("no codec for component '").append(component.getName())
                .append("' (").append(component.getGenericType().getTypeName()).append(") of record ")
                .append(record.getName());
        if (stack.size() > 1) {
            message.append(", reached through ").append(stack.subList(0, stack.size() - 1).stream()
                    .map(frame -> frame.type.getName() + "." + frame.component)
                    .collect(Collectors.joining(" -> ")));
        }
        if (e.reason != null) {
            message.append(": ").append(e.reason);
        } else if (!e.culprit.equals(component.getGenericType())) {
            message.append(": no codec for ").append(e.culprit.getTypeName());
        }
        message.append("; give one with Codecs.record(").append(sourceName(record)).append(".class, Map.of(\"")
                .append(component.getName()).append("\", myCodec))");
        if (stack.size() > 1) {
            Frame outer = stack.get(0);
            message.append(" and use that for '").append(outer.component).append("' with Codecs.record(")
                    .append(sourceName(outer.type)).append(".class, Map.of(\"").append(outer.component)
                    .append("\", ...))");
        }
        return message.toString();
    }

    private static String declarer(TypeVariable<?> variable) {
        Object declaration = variable.getGenericDeclaration();
        return declaration instanceof Class<?> c ? c.getName() : String.valueOf(declaration);
    }

    /** How a class is named in Java source without its package: {@code Outer.Inner}, or the simple name. */
    static String sourceName(Class<?> type) {
        String canonical = type.getCanonicalName();
        if (canonical == null) {
            return type.getSimpleName();
        }
        String packageName = type.getPackageName();
        return packageName.isEmpty() ? canonical : canonical.substring(packageName.length() + 1);
    }

    private static MethodHandle accessor(Class<?> type, RecordComponent component) {
        String member = "accessor " + component.getName() + "()";
        Method method = component.getAccessor();
        makeAccessible(type, member, method);
        try {
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            return handle.asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw inaccessible(type, member, e);
        }
    }

    private static MethodHandle constructor(Class<?> type, RecordComponent[] components) {
        String member = "canonical constructor";
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("record " + type.getName() + " has no canonical constructor", e);
        }
        makeAccessible(type, member, constructor);
        try {
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(constructor);
            return handle.asType(handle.type().generic()).asSpreader(Object[].class, components.length);
        } catch (IllegalAccessException e) {
            throw inaccessible(type, member, e);
        }
    }

    private static void makeAccessible(Class<?> type, String member, AccessibleObject object) {
        boolean accessible;
        try {
            accessible = object.trySetAccessible();
        } catch (SecurityException e) {
            throw inaccessible(type, member, e);
        }
        if (!accessible) {
            throw inaccessible(type, member, null);
        }
    }

    private static IllegalArgumentException inaccessible(Class<?> type, String member, Exception cause) {
        return new IllegalArgumentException("cannot use record " + type.getName() + ": Spindle may not access its "
                + member + (cause == null ? "" : " (" + cause + ")") + "; make the record public in an exported"
                + " package, or open its package " + type.getPackageName() + " to Spindle", cause);
    }

    /** Stands for a record inside its own derivation; bound to the record's codec once that is built. */
    static final class RecursiveRef<T> extends NonNullCodec<T> {
        private volatile Codec<T> target;

        RecursiveRef(Class<?> type) {
            super("recursive(" + type.getName() + ")");
        }

        @SuppressWarnings("unchecked")
        void bind(Codec<?> codec) {
            target = (Codec<T>) codec;
        }

        private Codec<T> target() {
            Codec<T> codec = target;
            if (codec == null) {
                throw new IllegalStateException(id() + " was used before its record codec was built");
            }
            return codec;
        }

        @Override
        void encodeNonNull(T value, DataOutput out) throws IOException {
            target().encode(value, out);
        }

        @Override
        public T decode(DataInput in) throws IOException {
            return target().decode(in);
        }
    }
}
