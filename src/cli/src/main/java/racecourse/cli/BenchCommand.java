package racecourse.cli;

import picocli.CommandLine.Command;

/** {@code racecourse bench}: the course's benchmarks, each a subcommand; their figures are printed, not asserted. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures.",
        subcommands = {
            KernelStartBench.class,
            racecourse.stress.bench.StressBench.class,
            racecourse.race.bench.RaceBench.class,
            racecourse.explore.cli.ExploreBench.class,
            racecourse.grader.bench.GradeBench.class,
            racecourse.jmm.cli.JmmBench.class,
        })
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
