package racecourse.explore.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.explore.ExploreOptions;
import racecourse.explore.report.ExploreResult;
import racecourse.explore.samples.BenchPrograms;
import racecourse.explore.sched.Run;
import racecourse.process.ChildJvm;

/**
 * {@code racecourse bench explore}: schedules per second on two threads of 10 shared accesses each (after a
 * warm-up), and the time and schedule count of the two reduction programs. Prints figures; asserts nothing.
 * Not thread-safe: picocli makes one instance per run.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Schedule explorer: schedules per second, and the reduction figures.")
public final class ExploreBench implements Callable<Integer> {
    /** The JVM option that lets the explorer switch threads as continuations. */
    public static final String CONTINUATIONS_EXPORT = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";

    @Option(names = "--schedules", description = "Schedules per measured round (default: ${DEFAULT-VALUE}).")
    int schedules = 20_000;

    @Option(names = "--rounds", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(names = "--races", description = "Also run the data-race check on each schedule (default: off).")
    boolean races;

    @Option(names = "--in-process", description = "Measure in this JVM even when it cannot switch threads as "
            + "continuations (by default the benchmark then runs in a child JVM that can).")
    boolean inProcess;

    /** The child JVM's entry point: the same benchmark, measured in process. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ExploreBench()).execute(args));
    }

    @Override
    public Integer call() {
        if (!Run.continuations() && !inProcess) {
            List<String> args = new ArrayList<>(List.of("--in-process", "--schedules", String.valueOf(schedules),
                    "--rounds", String.valueOf(rounds)));
            if (races) args.add("--races");
            return ChildJvm.of(ExploreBench.class).jvmOptions(List.of("-Xss4m", CONTINUATIONS_EXPORT))
                    .args(args).runner().inheritOutput().run().exitCode();
        }
        ExploreOptions dfs = ExploreOptions.defaults().withStrategy("exhaustive").withSchedules(schedules)
                .withRaces(races);
        System.out.println("Throughput: 2 threads x 10 shared accesses (184,756 schedules in all), exhaustive, "
                + schedules + " schedules per round, race check " + (races ? "on" : "off") + ", "
                + Runtime.getRuntime().availableProcessors() + " processors, threads switched as "
                + (Run.continuations() ? "continuations on one carrier" : "hand-offs between worker threads")
                + ", load average "
                + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()));
        BenchPrograms.twoByTen().explore(dfs.withSchedules(Math.max(1_000, schedules / 4))); // warm-up
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            ExploreResult r = BenchPrograms.twoByTen().explore(dfs);
            double secs = (System.nanoTime() - start) / 1e9;
            rates[i] = r.schedules() / secs;
            System.out.printf("  round %d: %,d schedules in %.3f s = %,.0f schedules/s%n", i + 1, r.schedules(), secs,
                    rates[i]);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("  median %,.0f schedules/s (min %,.0f, max %,.0f); goal 10,000/s; anchor: Lincheck 3.7 "
                + "ran 10,000 invocations in 1.15 s on JDK 17%n", sorted[rounds / 2], sorted[0], sorted[rounds - 1]);
        System.out.println("Reduction (sleep sets), after warm-up:");
        ExploreOptions traces = ExploreOptions.defaults().withRaces(races);
        for (int i = 0; i < 3; i++) {
            BenchPrograms.disjoint().explore(traces);
            BenchPrograms.oneSharedWriteEach().explore(traces);
        }
        reduction("3 threads x 6 steps, disjoint variables", () -> BenchPrograms.disjoint().explore(traces));
        reduction("3 threads x (1 shared write + 5 private)", () -> BenchPrograms.oneSharedWriteEach().explore(traces));
        System.out.println("Source sets beside sleep sets (complete schedules, partial schedules dropped):");
        for (String strategy : new String[] {"dpor", "source"}) {
            ExploreOptions o = ExploreOptions.defaults().withStrategy(strategy).withRaces(races);
            ExploreResult d = BenchPrograms.disjoint().explore(o);
            ExploreResult s = BenchPrograms.oneSharedWriteEach().explore(o);
            ExploreResult t = BenchPrograms.twoByTen().explore(o);
            System.out.printf("  %-6s disjoint %d + %d dropped; one shared write each %d + %d dropped; "
                    + "2 x 10 accesses %d + %d dropped%n", strategy, d.schedules(), d.dropped(), s.schedules(),
                    s.dropped(), t.schedules(), t.dropped());
        }
        System.out.println(ExploreResult.SCOPE);
        return 0;
    }

    private static void reduction(String name, java.util.function.Supplier<ExploreResult> run) {
        long[] times = new long[5];
        ExploreResult r = null;
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            r = run.get();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf("  %s: %d schedule%s, median %.1f ms (min %.1f, max %.1f over 5 runs)%n", name,
                r.schedules(), r.schedules() == 1 ? "" : "s", times[2] / 1e6, times[0] / 1e6, times[4] / 1e6);
    }
}
