/**
 * What exercise tests are written against: {@link racecourse.grader.api.Subject} (the learner's class seen through a
 * contract interface), {@link racecourse.grader.api.Points}, and {@link racecourse.grader.api.Concurrently} for
 * stress checks with a bounded budget.
 */
package racecourse.grader.api;
