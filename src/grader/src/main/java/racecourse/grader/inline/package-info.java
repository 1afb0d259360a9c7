/**
 * The in-notebook check: {@link racecourse.grader.inline.Checks#run} runs an exercise's visible tests on the class a
 * learner defined in the notebook and shows a pass/fail table. Hidden tests are not in this jar and are never read.
 */
package racecourse.grader.inline;
