/**
 * Checks for understanding: short questions at the end of each lesson, answered with one {@code check(...)} call
 * and marked at once with an explanation for each wrong answer, and exported for the instructor as an
 * nbgrader-style graded part with its answer key.
 */
package racecourse.check;
