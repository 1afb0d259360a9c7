/** Gradescope autograder bundles: {@code setup.sh}, {@code run_autograder}, the grader's jars and the exercise. */
package racecourse.grader.gradescope;
