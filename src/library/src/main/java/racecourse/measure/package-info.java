/**
 * How every lesson measures time: each timing runs at least five times in a child JVM started for the purpose,
 * each variant is summarised by its median and spread, and a verdict computed from the data says which is faster
 * only when the spreads do not overlap.
 */
package racecourse.measure;
