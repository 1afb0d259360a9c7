package racecourse.stress.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import racecourse.stress.Stress;
import racecourse.stress.StressOptions;
import racecourse.stress.StressResult;
import racecourse.commandline.Durations;
import racecourse.stress.compile.SourceCompiler;
import racecourse.stress.deep.Jcstress;

/**
 * {@code racecourse bench stress}: samples per second of the embedded harness against the real jcstress on the
 * same store-buffering test in the same run, and the median time to the first {@code 0, 0}. Not thread-safe
 * (one command object per invocation).
 */
@Command(name = "stress", mixinStandardHelpOptions = true,
        description = "Benchmarks the embedded stress harness against jcstress 0.16 on store buffering.")
public final class StressBench implements Callable<Integer> {
    private static final String BOTH_EARLY = "0, 0";

    @Spec
    CommandSpec spec;

    @Option(names = "--trials", defaultValue = "5", description = "Embedded runs (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--time", converter = Durations.class, defaultValue = "2s",
            description = "Time per embedded run (default: ${DEFAULT-VALUE}).")
    Duration time;

    @Option(names = "--mode", defaultValue = "quick", description = "jcstress preset (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--no-jcstress", description = "Skip the jcstress run (embedded numbers only).")
    boolean noJcstress;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (trials < 1) {
            spec.commandLine().getErr().println("--trials must be at least 1");
            return 2;
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "store buffering, plain fields; %d cores; load average %.2f before the run%n",
                Runtime.getRuntime().availableProcessors(), load);
        List<Double> rates = new ArrayList<>();
        List<Double> firsts = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        long samples = 0;
        double seconds = 0;
        for (int i = 0; i < trials; i++) {
            StressResult r = Stress.run(StoreBufferingBench.class, StressOptions.defaults().progress(false)
                    .warmup(Duration.ZERO).time(time).seed(i + 1));
            rates.add(r.samplesPerSecond());
            fractions.add(r.fraction(BOTH_EARLY));
            firsts.add(r.firstSeen(BOTH_EARLY).map(d -> d.toNanos() / 1e6).orElse(Double.NaN));
            samples += r.samples();
            seconds += r.wallTime().toNanos() / 1e9;
            for (String w : r.warnings()) out.println("  warning: " + w);
        }
        double embeddedRate = median(rates);
        double embeddedFirst = median(firsts);
        out.println();
        out.printf(Locale.ROOT, "%-10s %15s %9s %12s %9s %16s%n", "harness", "samples", "seconds", "samples/s", "0, 0", "first 0, 0 (ms)");
        out.printf(Locale.ROOT, "%-10s %,15d %9.1f %12s %8.1f%% %16.1f   (median of %d runs)%n", "embedded", samples, seconds,
                rate(embeddedRate), 100 * median(fractions), embeddedFirst, trials);
        if (!noJcstress) {
            Jcstress.Run run = Jcstress.run(Jcstress.Options.defaults().mode(mode), List.of(),
                    SourceCompiler.runtimeClassPath(), List.of(StoreBufferingBench.class.getName()));
            if (run.results().isEmpty()) {
                out.println("jcstress produced no result (exit " + run.exitCode() + ")");
                out.flush();
                return 1;
            }
            StressResult j = run.results().getFirst();
            double jSeconds = run.wallTime().toNanos() / 1e9;
            double jRate = j.samples() / jSeconds;
            double jFirst = run.firstSeen(BOTH_EARLY).map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-10s %,15d %9.1f %12s %8.1f%% %16.1f   (one run, -m %s, end to end)%n", "jcstress",
                    j.samples(), jSeconds, rate(jRate), 100 * j.fraction(BOTH_EARLY), jFirst, mode);
            double sampling = run.output().stream().map(Jcstress.Line::text)
                    .filter(t -> t.startsWith("(Sampling Rate:"))
                    .mapToDouble(StressBench::samplingRate).max().orElse(Double.NaN);
            out.println();
            out.printf(Locale.ROOT, "ratio embedded/jcstress samples/s: %.2f (end to end)", embeddedRate / jRate);
            if (!Double.isNaN(sampling)) {
                out.printf(Locale.ROOT, "; %.2f against jcstress's best reported sampling rate (%s/s)",
                        embeddedRate / sampling, rate(sampling));
            }
            out.println();
            out.printf(Locale.ROOT, "first 0, 0: embedded %.1f ms (median), jcstress %.0f ms (includes JVM probing and fork start)%n",
                    embeddedFirst, jFirst);
        }
        out.println("note: measured on a shared machine; other work changes these numbers");
        out.flush();
        return 0;
    }

    static double samplingRate(String line) {
        // "(Sampling Rate: 27.43 M/sec)"
        String[] parts = line.replace("(Sampling Rate:", "").replace(")", "").trim().split("\\s+");
        try {
            double v = Double.parseDouble(parts[0]);
            String unit = parts.length > 1 ? parts[1] : "";
            if (unit.startsWith("M")) return v * 1e6;
            if (unit.startsWith("K") || unit.startsWith("k")) return v * 1e3;
            if (unit.startsWith("G")) return v * 1e9;
            return v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) return Double.NaN;
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
    }
}
