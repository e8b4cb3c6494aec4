package io.spindle.connectors.parquet;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A flat Parquet schema and its record writer, a column at a time: numbers and booleans are required, strings
 * optional (null leaves the value out).
 */
public final class ParquetColumns<T> {

    /** Adds a record's value of one column to the consumer, framed as field {@code index}. */
    private interface Column<T> {
        void write(T record, RecordConsumer consumer, String name, int index);
    }

    private final String messageName;
    private final List<Type> types = new ArrayList<>();
    private final List<Column<T>> columns = new ArrayList<>();

    ParquetColumns(String messageName) {
        this.messageName = messageName;
    }

    public ParquetColumns<T> int32(String name, ToIntFunction<T> value) {
        return required(PrimitiveTypeName.INT32, name,
                (consumer, record) -> consumer.addInteger(value.applyAsInt(record)));
    }

    public ParquetColumns<T> int64(String name, ToLongFunction<T> value) {
        return required(PrimitiveTypeName.INT64, name,
                (consumer, record) -> consumer.addLong(value.applyAsLong(record)));
    }

    public ParquetColumns<T> float64(String name, ToDoubleFunction<T> value) {
        return required(PrimitiveTypeName.DOUBLE, name,
                (consumer, record) -> consumer.addDouble(value.applyAsDouble(record)));
    }

    public ParquetColumns<T> bool(String name, Predicate<T> value) {
        return required(PrimitiveTypeName.BOOLEAN, name, (consumer, record) -> consumer.addBoolean(value.test(record)));
    }

    public ParquetColumns<T> utf8(String name, Function<T, String> value) {
        types.add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name));
        columns.add((record, consumer, field, index) -> {
            String text = value.apply(record);
            // Parquet refuses a started field without a value: an absent one is left out whole
            if (text != null) {
                consumer.startField(field, index);
                consumer.addBinary(Binary.fromString(text));
                consumer.endField(field, index);
            }
        });
        return this;
    }

    private ParquetColumns<T> required(PrimitiveTypeName type, String name, BiConsumer<RecordConsumer, T> add) {
        types.add(Types.required(type).named(name));
        columns.add((record, consumer, field, index) -> {
            consumer.startField(field, index);
            add.accept(consumer, record);
            consumer.endField(field, index);
        });
        return this;
    }

    public ParquetFormat<T> build() {
        List<Column<T>> all = List.copyOf(columns);
        List<String> names = types.stream().map(Type::getName).toList();
        return ParquetFormat.of(new MessageType(messageName, types), (record, consumer) -> {
            for (int i = 0; i < all.size(); i++) {
                all.get(i).write(record, consumer, names.get(i), i);
            }
        });
    }
}
