package racecourse.commandline;

import picocli.CommandLine.Option;

/** The seed of a run's random choices, {@code --seed N}, so a run can be repeated. Not thread-safe (filled in by picocli). */
public final class SeedOption {
    @Option(names = "--seed", paramLabel = "N", description = "Seed for the run's random choices (repeat a run with it).")
    Long seed;

    /** The seed, or null when none was given. */
    public Long seed() {
        return seed;
    }
}
