/**
 * Grading one submission end to end ({@link racecourse.grader.pipeline.Grader}), what it produces
 * ({@link racecourse.grader.pipeline.GradeReport}), and grading a folder of submissions with a resumable gradebook
 * ({@link racecourse.grader.pipeline.GradeAll}).
 */
package racecourse.grader.pipeline;
