/**
 * Lesson 1, race conditions: a one-account bank that loses deposits when two threads share it, a check-then-act
 * race on a concurrent map, and the experiments that count how often each goes wrong.
 */
package racecourse.patterns.bank;
