package io.spindle.api.codec;

import io.spindle.api.Tuple2;
import io.spindle.api.Tuple3;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.spindle.api.codec.CodecTesting.decode;
import static io.spindle.api.codec.CodecTesting.encode;
import static io.spindle.api.codec.CodecTesting.hexOf;
import static io.spindle.api.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCodecTest {

    private static final String P = "io.spindle.api.codec.RecordCodecTest$";

    record Point(int x, int y) { }

    record Empty() { }

    enum Kind { SMALL, LARGE }

    record AllScalars(boolean flag, byte b, short s, int i, long l, float f, double d, char c,
                      Boolean boxedFlag, Byte boxedByte, Short boxedShort, Integer boxedInt, Long boxedLong,
                      Float boxedFloat, Double boxedDouble, Character boxedChar, String text, byte[] bytes, Kind kind) { }

    record Generic(List<String> tags, Map<String, List<Long>> series, Optional<Point> origin,
                   Tuple2<String, Integer> pair, Tuple3<Kind, Point, Optional<String>> triple) { }

    record Line(Point from, Point to) { }

    record Drawing(String name, List<Line> lines) { }

    record Event(String id, Object payload) { }

    record Wildcard(List<? extends Number> numbers) { }

    record Box<T>(T value) { }

    record HasBoxes(Box<String> name, Box<List<Integer>> numbers) { }

    record HasObjectBox(Box<Object> thing) { }

    record Outer(String name, Event event) { }

    record Node(String label, List<Node> children) { }

    record Chain(int value, Optional<Chain> next) { }

    record Loop(int value, Loop next) { }

    record Person(String name, Map<String, Person> friends, Optional<Team> team) { }

    record Team(String name, List<Person> members) { }

    record Validated(int positive) {
        Validated {
            if (positive <= 0) {
                throw new IllegalArgumentException("not positive: " + positive);
            }
        }
    }

    // ---- round trips

    @Test
    void aSimpleRecordRoundTrips() {
        assertThat(roundTrip(Codecs.record(Point.class), new Point(-1, Integer.MAX_VALUE)))
                .isEqualTo(new Point(-1, Integer.MAX_VALUE));
    }

    @Test
    void aRecordWithNoComponentsRoundTripsAsZeroBytes() throws IOException {
        assertThat(encode(Codecs.record(Empty.class), new Empty())).isEmpty();
        assertThat(roundTrip(Codecs.record(Empty.class), new Empty())).isEqualTo(new Empty());
    }

    @Test
    void everyScalarComponentTypeRoundTrips() {
        AllScalars value = new AllScalars(true, (byte) -1, Short.MIN_VALUE, 7, Long.MIN_VALUE, Float.NaN, -0.0, '\u00e9',
                false, (byte) 1, (short) 2, 3, 4L, 5.5f, 6.5, 'z', "\ud83d\ude00", new byte[] {1, 2}, Kind.LARGE);
        AllScalars decoded = roundTrip(Codecs.record(AllScalars.class), value);
        assertThat(decoded).usingRecursiveComparison()
                .withEqualsForType(Float::equals, Float.class)
                .withEqualsForType(Double::equals, Double.class)
                .isEqualTo(value);
    }

    @Test
    void genericComponentsRoundTrip() {
        Generic value = new Generic(List.of("a", ""), Map.of("s", List.of(1L, 2L)), Optional.of(new Point(1, 2)),
                Tuple2.of("p", 9), Tuple3.of(Kind.SMALL, new Point(3, 4), Optional.empty()));
        assertThat(roundTrip(Codecs.record(Generic.class), value)).isEqualTo(value);
    }

    @Test
    void nestedRecordsRoundTrip() {
        Drawing drawing = new Drawing("d", List.of(new Line(new Point(0, 0), new Point(1, 1)),
                new Line(new Point(2, 3), new Point(5, 8))));
        assertThat(roundTrip(Codecs.record(Drawing.class), drawing)).isEqualTo(drawing);
    }

    @Test
    void parameterizedGenericRecordsAsComponentsRoundTrip() {
        HasBoxes value = new HasBoxes(new Box<>("n"), new Box<>(List.of(1, 2)));
        assertThat(roundTrip(Codecs.record(HasBoxes.class), value)).isEqualTo(value);
    }

    @Test
    void aPackagePrivateRecordOfAnotherPackageRoundTrips() {
        Codec<?> codec = io.spindle.api.codec.testrecords.Hidden.codec();
        assertThat(codec.id()).isEqualTo("record(io.spindle.api.codec.testrecords.Hidden$Secret:value=string)");
        assertThat(io.spindle.api.codec.testrecords.Hidden.roundTrips(codec)).isTrue();
    }

    // ---- layout and ids

    @Test
    void aRecordIsItsComponentsInDeclarationOrderWithNoHeader() throws IOException {
        assertThat(hexOf(encode(Codecs.record(Point.class), new Point(1, 2)))).isEqualTo("00000001" + "00000002");
    }

    @Test
    void aRecordIsEncodedLikeTheTupleOfItsComponents() throws IOException {
        Tuple2<String, List<Line>> asTuple = Tuple2.of("d", List.of(new Line(new Point(1, 2), new Point(3, 4))));
        Codec<Tuple2<String, List<Line>>> tupleCodec = Codecs.tuple2(Codecs.STRING, Codecs.list(Codecs.record(Line.class)));
        assertThat(encode(Codecs.record(Drawing.class), new Drawing(asTuple.f0(), asTuple.f1())))
                .isEqualTo(encode(tupleCodec, asTuple));
    }

    @Test
    void theIdNamesTheClassAndEachComponentWithItsCodec() {
        assertThat(Codecs.record(Point.class).id()).isEqualTo("record(" + P + "Point:x=int,y=int)");
    }

    @Test
    void theIdOfARecordWithNoComponentsIsItsClass() {
        assertThat(Codecs.record(Empty.class).id()).isEqualTo("record(" + P + "Empty)");
    }

    @Test
    void theIdSpellsOutNestedRecordsAndGenericComponents() {
        assertThat(Codecs.record(Drawing.class).id()).isEqualTo("record(" + P + "Drawing:name=string,lines=list(record("
                + P + "Line:from=record(" + P + "Point:x=int,y=int),to=record(" + P + "Point:x=int,y=int))))");
        assertThat(Codecs.record(Generic.class).id()).isEqualTo("record(" + P + "Generic:tags=list(string),"
                + "series=map(string,list(long)),origin=optional(record(" + P + "Point:x=int,y=int)),"
                + "pair=tuple2(string,int),triple=tuple3(enum(" + P + "Kind),record(" + P + "Point:x=int,y=int),"
                + "optional(string)))");
    }

    @Test
    void primitivesAndTheirBoxesShareACodec() {
        assertThat(Codecs.record(AllScalars.class).id()).isEqualTo("record(" + P + "AllScalars:flag=boolean,b=byte,"
                + "s=short,i=int,l=long,f=float,d=double,c=char,boxedFlag=boolean,boxedByte=byte,boxedShort=short,"
                + "boxedInt=int,boxedLong=long,boxedFloat=float,boxedDouble=double,boxedChar=char,text=string,"
                + "bytes=bytes,kind=enum(" + P + "Kind))");
    }

    @Test
    void theIdIncludesExplicitComponentCodecs() {
        assertThat(Codecs.record(Event.class, Map.of("payload", Codecs.nullable(Codecs.BYTES))).id())
                .isEqualTo("record(" + P + "Event:id=string,payload=nullable(bytes))");
    }

    @Test
    void toStringIsTheId() {
        assertThat(Codecs.record(Point.class)).hasToString("record(" + P + "Point:x=int,y=int)");
    }

    // ---- explicit component codecs

    @Test
    void anExplicitCodecSuppliesAComponentThatCannotBeDerived() {
        Map<String, Codec<?>> codecs = Map.of("payload", Codecs.STRING);
        Codec<Event> codec = Codecs.record(Event.class, codecs);
        assertThat(roundTrip(codec, new Event("e", "text"))).isEqualTo(new Event("e", "text"));
    }

    @Test
    void anExplicitCodecOverridesADerivableComponent() {
        Codec<Point> codec = Codecs.record(Point.class, Map.of("y", Codecs.nullable(Codecs.INT)));
        assertThat(codec.id()).isEqualTo("record(" + P + "Point:x=int,y=nullable(int))");
    }

    @Test
    void anExplicitCodecForAnUnknownComponentIsRejected() {
        assertThatThrownBy(() -> Codecs.record(Point.class, Map.of("z", Codecs.INT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record " + P + "Point has no component 'z'; its components are [x, y]");
    }

    @Test
    void aNullExplicitCodecIsRejectedNamingTheComponent() {
        Map<String, Codec<?>> codecs = new HashMap<>();
        codecs.put("x", null);
        assertThatThrownBy(() -> Codecs.record(Point.class, codecs))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("the codec given for component 'x' of record " + P + "Point is null");
    }

    // ---- derivation errors

    @Test
    void anObjectComponentIsRejectedNamingRecordComponentAndTypeWithAnExample() {
        assertThatThrownBy(() -> Codecs.record(Event.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no codec for component 'payload' (java.lang.Object) of record " + P + "Event; give one with"
                        + " Codecs.record(RecordCodecTest.Event.class, Map.of(\"payload\", myCodec))");
    }

    @Test
    void aWildcardComponentIsRejected() {
        assertThatThrownBy(() -> Codecs.record(Wildcard.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no codec for component 'numbers' (java.util.List<? extends java.lang.Number>)"
                        + " of record " + P + "Wildcard: a wildcard has no codec; declare the exact type; give one with");
    }

    @Test
    void aTypeVariableComponentIsRejected() {
        assertThatThrownBy(() -> Codecs.record(Box.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no codec for component 'value' (T) of record " + P + "Box: T is a type variable"
                        + " of " + P + "Box, whose type is not known at runtime");
    }

    @Test
    void anUnresolvableTypeArgumentIsNamed() {
        assertThatThrownBy(() -> Codecs.record(HasObjectBox.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no codec for component 'value' (T) of record " + P + "Box, reached through "
                        + P + "HasObjectBox.thing: no codec for java.lang.Object");
    }

    @Test
    void aFailureInANestedRecordNamesThePathAndHowToFixIt() {
        assertThatThrownBy(() -> Codecs.record(Outer.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no codec for component 'payload' (java.lang.Object) of record " + P + "Event, reached through "
                        + P + "Outer.event; give one with Codecs.record(RecordCodecTest.Event.class,"
                        + " Map.of(\"payload\", myCodec)) and use that for 'event' with"
                        + " Codecs.record(RecordCodecTest.Outer.class, Map.of(\"event\", ...))");
    }

    @Test
    void theNestedFixSuggestedByTheMessageWorks() {
        Codec<Event> event = Codecs.record(Event.class, Map.of("payload", Codecs.LONG));
        Codec<Outer> outer = Codecs.record(Outer.class, Map.of("event", event));
        assertThat(roundTrip(outer, new Outer("o", new Event("e", 5L)))).isEqualTo(new Outer("o", new Event("e", 5L)));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aClassThatIsNotARecordIsRejected() {
        assertThatThrownBy(() -> Codecs.record((Class) String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.lang.String is not a record class");
    }

    // ---- recursive records

    @Test
    void aRecordContainingItselfThroughAListRoundTrips() {
        Node tree = new Node("root", List.of(new Node("a", List.of()), new Node("b", List.of(new Node("c", List.of())))));
        assertThat(roundTrip(Codecs.record(Node.class), tree)).isEqualTo(tree);
    }

    @Test
    void aRecordContainingItselfThroughAnOptionalRoundTrips() {
        Chain chain = new Chain(1, Optional.of(new Chain(2, Optional.of(new Chain(3, Optional.empty())))));
        assertThat(roundTrip(Codecs.record(Chain.class), chain)).isEqualTo(chain);
    }

    @Test
    void theIdOfARecursiveRecordRefersBackToItself() {
        assertThat(Codecs.record(Node.class).id())
                .isEqualTo("record(" + P + "Node:label=string,children=list(recursive(" + P + "Node)))");
    }

    @Test
    void mutuallyRecursiveRecordsRoundTrip() {
        Person ann = new Person("ann", Map.of(), Optional.empty());
        Person bob = new Person("bob", Map.of("ann", ann), Optional.of(new Team("t", List.of(ann))));
        assertThat(roundTrip(Codecs.record(Person.class), bob)).isEqualTo(bob);
        assertThat(Codecs.record(Person.class).id()).isEqualTo("record(" + P + "Person:name=string,"
                + "friends=map(string,recursive(" + P + "Person)),team=optional(record(" + P + "Team:name=string,"
                + "members=list(recursive(" + P + "Person)))))");
    }

    @Test
    void aRecordContainingItselfDirectlyIsRejected() {
        assertThatThrownBy(() -> Codecs.record(Loop.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no codec for component 'next' (" + P + "Loop) of record " + P + "Loop: record "
                        + P + "Loop contains itself with no List, Map or Optional in between, so no finite value could"
                        + " be encoded");
    }

    // ---- null and bad input

    @Test
    void aNullComponentIsRejectedNamingTheComponentAndTheFix() {
        assertThatThrownBy(() -> encode(Codecs.record(Event.class, Map.of("payload", Codecs.STRING)), new Event(null, "p")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("component 'id' of record " + P + "Event is null, and codec 'string' cannot encode null;"
                        + " if it may be null, give Codecs.nullable(...) for it with"
                        + " Codecs.record(RecordCodecTest.Event.class, Map.of(\"id\", ...))");
    }

    @Test
    void aNullableComponentMayBeNull() {
        Codec<Event> codec = Codecs.record(Event.class,
                Map.of("id", Codecs.nullable(Codecs.STRING), "payload", Codecs.nullable(Codecs.STRING)));
        assertThat(roundTrip(codec, new Event(null, null))).isEqualTo(new Event(null, null));
    }

    @Test
    void encodingANullRecordIsRejectedNamingTheCodec() {
        assertThatThrownBy(() -> encode(Codecs.record(Point.class), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("codec 'record(" + P + "Point:x=int,y=int)' cannot encode null");
    }

    @Test
    void aTruncatedRecordIsAnEndOfFile() throws IOException {
        byte[] bytes = encode(Codecs.record(Point.class), new Point(1, 2));
        assertThatThrownBy(() -> decode(Codecs.record(Point.class), java.util.Arrays.copyOf(bytes, 6)))
                .isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void componentsTheConstructorRejectsFailTheDecode() throws IOException {
        byte[] bytes = encode(Codecs.INT, -3);
        assertThatThrownBy(() -> decode(Codecs.record(Validated.class), bytes))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("record " + P + "Validated rejected the decoded components:")
                .hasMessageContaining("not positive: -3");
    }

    // ---- thread safety

    @Test
    void oneCodecEncodesFromManyThreadsAtOnce() throws Exception {
        Codec<Drawing> codec = Codecs.record(Drawing.class);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    Drawing drawing = new Drawing("d" + seed + "-" + i, List.of(new Line(new Point(i, seed), new Point(seed, i))));
                    try {
                        if (!roundTrip(codec, drawing).equals(drawing)) {
                            failures.incrementAndGet();
                        }
                    } catch (Throwable failure) {
                        // a thread that died of it would otherwise count as one that succeeded
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(java.util.concurrent.TimeUnit.SECONDS.toMillis(60));
            assertThat(thread.isAlive()).as("%s done within a minute", thread.getName()).isFalse();
        }
        assertThat(failures).hasValue(0);
    }
}
