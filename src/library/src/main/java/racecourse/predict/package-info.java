/**
 * Structured predictions: a learner states a number, a choice or a range before an experiment, and after it the
 * notebook shows the prediction beside the result, says how far off it was, and keeps a per-learner log that
 * lesson 00 summarises.
 */
package racecourse.predict;
