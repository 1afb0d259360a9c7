package racecourse.commandline;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How many runs go on in parallel, {@code --jobs N}. A command gives its default by creating the mixin:
 * {@code @Mixin JobsOption jobs = new JobsOption(2);}. Not thread-safe (filled in by picocli).
 */
public final class JobsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--jobs", paramLabel = "N", description = "Runs in parallel (default: ${DEFAULT-VALUE}).")
    int jobs;

    /** One job at a time unless the option says otherwise. */
    public JobsOption() {
        this(1);
    }

    /** With a default number of parallel jobs. */
    public JobsOption(int defaultJobs) {
        this.jobs = defaultJobs;
    }

    /**
     * The number of parallel jobs.
     *
     * @throws ParameterException (a usage error, exit status 2) when it is below 1
     */
    public int jobs() {
        if (jobs < 1) {
            String message = "--jobs must be at least 1, got " + jobs;
            if (mixee == null) throw new IllegalArgumentException(message);
            throw new ParameterException(mixee.commandLine(), message);
        }
        return jobs;
    }
}
