/**
 * Lesson 4, lock ordering: accounts with a lock each, and three ways to move money between two of them. Taking
 * the two locks in the caller's order deadlocks when two transfers go opposite ways; taking them in the order of
 * the accounts' ids, or backing off when the second lock is taken, does not.
 */
package racecourse.patterns.transfer;
