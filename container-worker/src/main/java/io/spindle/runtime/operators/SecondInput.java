package io.spindle.runtime.operators;

/** An operator that reads two inputs (connected streams): the records of the second come here. */
public interface SecondInput {

    void collectSecond(Object record);
}
