package io.spindle.examples.nexmark;

/** A new user of the auction site. */
public record Person(long id, String name, String city, String state, long dateTime) implements Event {
}
