package racecourse.commandline;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How long a run may take: {@code --time DURATION} (e.g. {@code 500ms}, {@code 2s}, {@code 1.5s}), read by
 * {@link Durations}. A command gives its own default by creating the mixin:
 * {@code @Mixin TimeBudgetOption time = new TimeBudgetOption("1s");}. Not thread-safe (filled in by picocli).
 */
public final class TimeBudgetOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--time", paramLabel = "DURATION",
            description = "Time budget, e.g. 500ms, 2s, 1.5s, 2m (default: ${DEFAULT-VALUE}).")
    String text;

    /** No default: {@link #time()} is null unless the option is given. */
    public TimeBudgetOption() {
    }

    /**
     * With a default budget, written as on the command line.
     *
     * @throws IllegalArgumentException if the default is not a duration
     */
    public TimeBudgetOption(String defaultTime) {
        Durations.parse(defaultTime);
        this.text = defaultTime;
    }

    /**
     * The budget, or the default (null when there is none).
     *
     * @throws ParameterException (a usage error, exit status 2) when the option's text is not a duration
     */
    public Duration time() {
        if (text == null) return null;
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            if (mixee == null) throw e;
            throw new ParameterException(mixee.commandLine(), "--time: " + e.getMessage());
        }
    }
}
