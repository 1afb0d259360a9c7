/**
 * Compiling Java sources inside the running JVM and loading what was compiled: {@link racecourse.compile.Javac} is
 * the course's one compiler helper, shared by the command lines of the explorer, the stress harness and the race
 * detector, and by the grader's compile step; {@link racecourse.compile.CompileError} is one error it reports.
 */
package racecourse.compile;
