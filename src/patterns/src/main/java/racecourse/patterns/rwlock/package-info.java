/**
 * Lesson 5, read/write locks: a read-mostly price board guarded by a mutex, a
 * {@link java.util.concurrent.locks.ReentrantReadWriteLock} and a {@link java.util.concurrent.locks.StampedLock}
 * with optimistic reads, and the throughput sweep that compares them.
 */
package racecourse.patterns.rwlock;
