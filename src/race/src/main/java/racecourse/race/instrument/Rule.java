package racecourse.race.instrument;

/**
 * What to do at a call site: the {@link racecourse.race.edges.CallSpec} flags and, per argument, which
 * kind of task wrapper to put around it (0: none).
 *
 * @param flags CallSpec flags
 * @param wrap wrapper kind per argument, or null when no argument is wrapped
 */
record Rule(int flags, int[] wrap) {
}
