/**
 * Lesson 9, threads and scheduling: how many platform and virtual threads a JVM can start and what each costs in
 * memory (measured in a child JVM), how deep each can recurse, how fast two threads can hand work back and forth,
 * how the virtual-thread scheduler's parallelism changes the interleaving of two busy threads, and when a virtual
 * thread pins its carrier.
 */
package racecourse.patterns.threads;
