package racecourse.race.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.time.Duration;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.race.Agents;
import racecourse.race.bench.workload.Workloads;
import racecourse.measure.RatioInterval;

/**
 * {@code racecourse bench race}: the detector's cost. Runs each workload of {@link Workloads} in fresh JVMs
 * without and with the detector (agent on), alternating, and reports the median time and heap of each,
 * their ratios and the geometric means. Not thread-safe (one run).
 */
@Command(name = "race", mixinStandardHelpOptions = true,
        description = "Measure the race detector's slowdown and heap overhead on a set of programs.")
public final class RaceBench implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "7",
            description = "JVM runs per workload and mode (default ${DEFAULT-VALUE}; 5 or more for an interval).")
    int runs;

    @Option(names = "--only", split = ",",
            description = "Run these workloads (default: monitors, sweep, chm-alloc; 'all' for every one).")
    List<String> only = new ArrayList<>();

    @Option(names = "--stress-time", defaultValue = "2s",
            description = "Length of each store-buffering stress run of the dormant check (default ${DEFAULT-VALUE}).")
    String stressTime;

    @Option(names = "--skip-dormant", description = "Skip the kernel checks (lock loop in a cell, store buffering).")
    boolean skipDormant;

    @Option(names = "--heap", defaultValue = "512m", description = "Maximum heap of each run (default ${DEFAULT-VALUE}).")
    String heap;

    private final PrintStream out;

    /** Creates the command printing to {@code System.out}. */
    public RaceBench() {
        this(System.out);
    }

    /** Creates the command printing to {@code out}. */
    public RaceBench(PrintStream out) {
        this.out = out;
    }

    /** One measured run. */
    record Sample(long nanos, long peak, long live) {
    }

    /** The medians of one workload in one mode. */
    record Median(double millis, double peakMb, double liveMb) {
        static Median of(List<Sample> s) {
            return new Median(median(s.stream().mapToLong(Sample::nanos).toArray()) / 1e6,
                    median(s.stream().mapToLong(Sample::peak).toArray()) / 1048576.0,
                    median(s.stream().mapToLong(Sample::live).toArray()) / 1048576.0);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> names = only.isEmpty() ? Workloads.GOAL : only.equals(List.of("all")) ? Workloads.NAMES : only;
        String jar = "-javaagent:" + Agents.agentJar().toAbsolutePath();
        String agent = jar + "=on,max=10";
        out.printf("Race detector overhead: %d run(s) per workload and mode, -Xmx%s, %d CPU(s).%n", runs, heap,
                Runtime.getRuntime().availableProcessors());
        out.printf("Time and peak heap are the medians of %d measured passes per JVM (after %d warm-up passes, each"
                + " pass after a full GC); live heap is measured after them (full GC, data still reachable).%n",
                Workloads.PASSES, Workloads.WARM_UP);
        out.println();
        out.println("Dormant: the agent loaded without options (tracking off), as the notebook kernel used to load it.");
        out.println();
        out.printf("%-16s %10s %10s %7s %10s %10s %7s %10s %10s %7s %10s %8s%n", "workload", "base ms", "race ms",
                "time×", "base peak", "race peak", "peak×", "base live", "race live", "live×", "dormant ms",
                "dormant×");
        double logTime = 0;
        double logPeak = 0;
        double logLive = 0;
        double logDormant = 0;
        List<String> spreads = new ArrayList<>();
        for (String name : names) {
            List<Sample> base = new ArrayList<>();
            List<Sample> race = new ArrayList<>();
            List<Sample> dormant = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                base.add(run(name, null));
                race.add(run(name, agent));
                dormant.add(run(name, jar));
            }
            Median b = Median.of(base);
            Median r = Median.of(race);
            Median d = Median.of(dormant);
            double dt = estimate(dormant, base, Sample::nanos);
            logDormant += Math.log(dt);
            double t = estimate(race, base, Sample::nanos);
            double p = estimate(race, base, Sample::peak);
            double l = estimate(race, base, Sample::live);
            logTime += Math.log(t);
            logPeak += Math.log(p);
            logLive += Math.log(l);
            spreads.add(spread(name, base, race));
            out.printf(Locale.ROOT,
                    "%-16s %10.1f %10.1f %6.1f× %8.1fMB %8.1fMB %6.1f× %8.1fMB %8.1fMB %6.1f× %10.1f %7.2f×%n",
                    name, b.millis(), r.millis(), t, b.peakMb(), r.peakMb(), p, b.liveMb(), r.liveMb(), l,
                    d.millis(), dt);
        }
        int n = names.size();
        out.printf(Locale.ROOT, "%-16s %10s %10s %6.1f× %10s %10s %6.1f× %10s %10s %6.1f× %10s %7.2f×%n",
                "geometric mean", "", "", Math.exp(logTime / n), "", "", Math.exp(logPeak / n), "", "",
                Math.exp(logLive / n), "", Math.exp(logDormant / n));
        out.println();
        out.println("Ratios (×) are estimates from every pair of runs (see Spread); the ms and MB columns are medians.");
        out.println("Goals: at most 10× time and 5× heap. Go documents 2-20× time and 5-10× memory for -race.");
        out.println("Spread: each workload's runs, and each ratio with its 95% interval (Hodges-Lehmann estimate and"
                + " the exact Mann-Whitney interval of the runs' pairwise ratios); a verdict holds only if it holds"
                + " over that whole interval, else it is inconclusive.");
        spreads.forEach(out::println);
        out.println("An inconclusive verdict means the runs spread too much on this machine now: rerun when it is"
                + " quiet, or with more --runs.");
        if (!skipDormant) {
            out.println();
            new KernelCheck(out, runs, stressTime, jar).run();
        }
        return 0;
    }

    /**
     * One line with the runs of a workload in both modes, and each ratio with its 95% interval
     * ({@link RatioInterval}) and the verdict that interval gives against the goal.
     */
    static String spread(String name, List<Sample> base, List<Sample> race) {
        long[] bt = base.stream().mapToLong(Sample::nanos).toArray();
        long[] rt = race.stream().mapToLong(Sample::nanos).toArray();
        RatioInterval time = RatioInterval.of(doubles(rt), doubles(bt));
        RatioInterval peak = RatioInterval.of(doubles(race.stream().mapToLong(Sample::peak).toArray()),
                doubles(base.stream().mapToLong(Sample::peak).toArray()));
        return String.format(Locale.ROOT, "  %s: plain %.1f-%.1f ms, tracked %.1f-%.1f ms; time %s: %s; peak heap %s: %s",
                name, min(bt) / 1e6, max(bt) / 1e6, min(rt) / 1e6, max(rt) / 1e6, time.words(), verdict(time, 10),
                peak.words(), verdict(peak, 5));
    }

    /** The estimated ratio of one mode's figure to another's (the estimate of {@link RatioInterval}). */
    private static double estimate(List<Sample> a, List<Sample> b, java.util.function.ToLongFunction<Sample> figure) {
        return RatioInterval.of(doubles(a.stream().mapToLong(figure).toArray()),
                doubles(b.stream().mapToLong(figure).toArray())).estimate();
    }

    /** The verdict of a ratio's interval against an upper goal, in words. */
    static String verdict(RatioInterval r, double goal) {
        String g = (int) goal + "×";
        return switch (r.atMost(goal)) {
            case MET -> "within " + g + ", goal met";
            case NOT_MET -> "above " + g + ", goal not met";
            case INCONCLUSIVE -> r.bounded() ? "inconclusive: the interval straddles " + g
                    : "inconclusive: too few runs for an interval (use --runs 5 or more)";
        };
    }

    private static double[] doubles(long[] xs) {
        return Arrays.stream(xs).asDoubleStream().toArray();
    }

    private static long min(long[] xs) {
        return Arrays.stream(xs).min().orElse(0);
    }

    private static long max(long[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }

    private Sample run(String name, String agent) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heap);
        if (agent != null) {
            options.add(agent);
        }
        ProcessResult result = ChildJvm.of(Workloads.class.getName()).classPath(List.of(classPath()))
                .jvmOptions(options).args(List.of(name)).timeout(Duration.ofMinutes(10)).runner().mergeStderr().run();
        String output = result.out();
        if (!result.ok()) {
            throw new IllegalStateException("workload " + name + " failed:\n" + output);
        }
        if (agent != null && output.contains("DATA RACE")) {
            throw new IllegalStateException("workload " + name + " is meant to be race-free:\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from " + name + ":\n" + output));
        String[] f = line.split(" ");
        return new Sample(Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
    }

    private static String classPath() {
        try {
            return Path.of(Workloads.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the workloads", e);
        }
    }

    static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
