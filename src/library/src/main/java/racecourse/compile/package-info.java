/**
 * Compiling Java sources inside the running JVM and loading what was compiled: {@link racecourse.compile.Javac} is
 * the one in-process compiler helper that the explorer's and the stress harness's command lines share.
 */
package racecourse.compile;
