package io.spindle.core.config;

/** Small helpers shared by the parsers of numbers with units. */
final class Numbers {

    private Numbers() { }

    /** The length of the run of ASCII digits that starts the text. */
    static int leadingDigits(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
