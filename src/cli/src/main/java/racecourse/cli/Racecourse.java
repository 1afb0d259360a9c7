package racecourse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import racecourse.kernel.cli.KernelCommand;

/** The one entry point of the course's tools, run through {@code bin/racecourse}. */
@Command(name = "racecourse", mixinStandardHelpOptions = true, version = "racecourse 1.0",
        description = "Racecourse: a hands-on course in Java concurrency.",
        subcommands = {
            LabCommand.class,
            DoctorCommand.class,
            KernelCommand.class,
            racecourse.stress.cli.StressCommand.class,
            racecourse.stress.cli.JcstressCommand.class,
            racecourse.race.cli.RaceCommand.class,
            racecourse.grader.cli.GradeCommand.class,
            racecourse.grader.cli.GradeAllCommand.class,
            racecourse.grader.cli.ReleaseCommand.class,
            racecourse.grader.cli.AutograderCommand.class,
            BenchCommand.class,
        })
public final class Racecourse implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Racecourse());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println("racecourse " + line.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
