/** The grader's picocli commands: {@code grade}, {@code grade-all} and {@code release}. */
package racecourse.grader.cli;
