/**
 * Lesson 6, memory synchronization: a bank whose withdraw briefly takes the balance below zero and puts it back,
 * read with and without the lock, and the probe that watches for the transient negative balance. The
 * store-buffering samples this lesson runs live in {@code racecourse.patterns.jmm}.
 */
package racecourse.patterns.visibility;
