package racecourse.race;

/**
 * A data race: two accesses to the same variable, at least one a write, not ordered by happens-before.
 *
 * @param variable the variable, {@code Counter.value}, {@code int[] element 3}, {@code java.util.HashMap}
 * @param kind {@code field}, {@code static}, {@code array} or {@code collection}
 * @param current the access that found the race
 * @param previous the earlier access it races with
 */
public record DataRace(String variable, String kind, Access current, Access previous) {
}
