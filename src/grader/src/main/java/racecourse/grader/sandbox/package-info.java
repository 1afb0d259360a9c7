/**
 * Running untrusted submissions: the bytecode policy and rewrite ({@link racecourse.grader.sandbox.Policy},
 * {@link racecourse.grader.sandbox.Rewriter}), the child JVM that runs the tests
 * ({@link racecourse.grader.sandbox.ChildJvm}, {@link racecourse.grader.sandbox.Harness}) and the channel between the
 * two ({@link racecourse.grader.sandbox.Channel}).
 */
package racecourse.grader.sandbox;
