/** Small helpers the lesson experiments share: releasing threads together and waiting for them to end. */
package racecourse.patterns.trial;
