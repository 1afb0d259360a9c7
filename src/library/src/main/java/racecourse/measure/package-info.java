/**
 * How every lesson measures time: each timing runs at least five times in a child JVM started for the purpose,
 * each variant is summarised by its median and spread, and a verdict computed from the data says which is faster
 * only when the spreads do not overlap. A ratio judged against a goal (the benches' "at most 10×", "no slower")
 * comes with a 95% interval instead ({@link racecourse.measure.RatioInterval}).
 */
package racecourse.measure;
