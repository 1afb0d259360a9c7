/**
 * The grading steps, one job each, composed in order by {@link racecourse.grader.pipeline.Grader}: extract the
 * solution cells, compile them, rewrite them for the sandbox, check code rules, run the tests in a child JVM, run the
 * race check.
 */
package racecourse.grader.step;
