package io.spindle.examples.nexmark;

/**
 * How many result rows there were and their {@link Checksum}: of one subtask, or summed over subtasks. Its text,
 * {@code rows<TAB>checksum} (16 hex digits), is what {@link ChecksumSink} publishes.
 */
public record Totals(long rows, long checksum) {

    public static final Totals NONE = new Totals(0, 0);

    public Totals plus(Totals other) {
        return new Totals(rows + other.rows, checksum + other.checksum);
    }

    /** Reads what {@link #toString} wrote. */
    public static Totals parse(String text) {
        String[] fields = text.strip().split("\t");
        if (fields.length != 2) {
            throw new IllegalArgumentException("not rows<TAB>checksum: " + text);
        }
        return new Totals(Long.parseLong(fields[0]), Long.parseUnsignedLong(fields[1], 16));
    }

    @Override
    public String toString() {
        return rows + "\t" + Checksum.hex(checksum);
    }
}
