/**
 * Lesson 3, confinement: a teller thread that alone owns the balance and serves requests from a queue, and a
 * two-stage bakery pipeline in which each cake belongs to one stage at a time.
 */
package racecourse.patterns.confinement;
