package racecourse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import racecourse.commandline.BuildVersion;
import racecourse.commandline.ExitCodes;
import racecourse.kernel.cli.KernelCommand;

/**
 * The one entry point of the course's tools, run through {@code bin/racecourse}. Every subcommand inherits
 * {@code --help} and {@code --version} and follows the exit-status table of {@link ExitCodes}. Not thread-safe.
 */
@Command(name = "racecourse", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        scope = ScopeType.INHERIT,
        description = "Racecourse: a hands-on course in Java concurrency.",
        subcommands = {
            LabCommand.class,
            DoctorCommand.class,
            KernelCommand.class,
            racecourse.stress.cli.StressCommand.class,
            racecourse.stress.cli.JcstressCommand.class,
            racecourse.race.cli.RaceCommand.class,
            racecourse.explore.cli.ExploreCommand.class,
            racecourse.grader.cli.GradeCommand.class,
            racecourse.grader.cli.GradeAllCommand.class,
            racecourse.grader.cli.ReleaseCommand.class,
            racecourse.jmm.cli.JmmCommand.class,
            racecourse.grader.cli.AutograderCommand.class,
            BenchCommand.class,
        })
public final class Racecourse implements Runnable {
    /** Prints the list of commands. */
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The command line with every subcommand, configured for the exit-status table. */
    public static CommandLine commandLine() {
        return ExitCodes.configure(new CommandLine(new Racecourse()));
    }

    /** Runs the command named by {@code args} and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
