/**
 * Child processes: {@link racecourse.process.ProcessRunner} starts any program with a timeout, capped output and
 * whole-tree kill; {@link racecourse.process.ChildJvm} starts a main class in a JVM of the running JDK on top of it.
 */
package racecourse.process;
