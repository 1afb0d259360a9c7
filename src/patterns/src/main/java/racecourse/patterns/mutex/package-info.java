/**
 * Lesson 4, mutual exclusion: the one-account bank guarded by a binary semaphore, a {@link
 * java.util.concurrent.locks.ReentrantLock} and {@code synchronized}; a withdraw that is not atomic with deposit;
 * and reentrancy, with the self-deadlock a non-reentrant lock gives.
 */
package racecourse.patterns.mutex;
