/** Benchmarks of the grader, run by {@code make bench} as {@code racecourse bench grader}. */
package racecourse.grader.bench;
