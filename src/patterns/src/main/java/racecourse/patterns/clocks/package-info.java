/**
 * Lesson 8, how a happens-before race detector works: vector clocks, a scripted trace of thread actions, and a
 * small detector that replays the trace, stamps every action with its clock and reports the conflicting accesses
 * no happens-before edge orders. A teaching model of what {@code racecourse race} does on real programs.
 */
package racecourse.patterns.clocks;
