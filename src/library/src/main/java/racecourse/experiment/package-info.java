/**
 * Machinery for running the course's experiments in-process: releasing threads together
 * ({@link racecourse.experiment.StartGate}), timed runs ({@link racecourse.experiment.TimedRun}), waiting for
 * workers ({@link racecourse.experiment.Workers}) and a histogram of per-trial losses
 * ({@link racecourse.experiment.LossHistogram}). Experiments that need a JVM of their own use
 * {@link racecourse.process.ChildJvm}.
 */
package racecourse.experiment;
