package racecourse.race.shadow;

/**
 * An earlier access that is not ordered by happens-before with the current one.
 *
 * @param previousWrite whether the earlier access was a write
 * @param previousTid the detector id of the thread that made it
 * @param previousTime the time of the earlier access in its thread's clock
 * @param previousSite the access site id of the earlier access
 */
public record Conflict(boolean previousWrite, int previousTid, int previousTime, int previousSite) {
}
