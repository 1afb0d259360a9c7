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
import java.util.Map;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessResult;
import racecourse.stress.QuickLook;
import racecourse.stress.Stress;
import racecourse.stress.StressOptions;
import racecourse.stress.StressResult;
import racecourse.commandline.Durations;
import racecourse.stress.compile.SourceCompiler;
import racecourse.stress.deep.Jcstress;

/**
 * {@code racecourse bench stress}: samples per second and {@code 0, 0} per second of the embedded harness against
 * the real jcstress on the same store-buffering test in the same run, the time to the first {@code 0, 0}, and how
 * many fresh executions of lesson 06's quick look see {@code 0, 0}. Not thread-safe
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

    @Option(names = "--executions", defaultValue = "10",
            description = "Times to repeat lesson 06's quick look at 0, 0, each in a fresh JVM; 0 skips it"
                    + " (default: ${DEFAULT-VALUE}).")
    int executions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (trials < 1 || executions < 0) {
            spec.commandLine().getErr().println(trials < 1 ? "--trials must be at least 1" : "--executions must not be negative");
            return 2;
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "store buffering, plain fields; %d cores; load average %.2f before the run%n",
                Runtime.getRuntime().availableProcessors(), load);
        List<Double> rates = new ArrayList<>();
        List<Double> bothRates = new ArrayList<>();
        List<Double> firsts = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        List<Double> overlaps = new ArrayList<>();
        long samples = 0;
        double seconds = 0;
        for (int i = 0; i < trials; i++) {
            StressResult r = Stress.run(StoreBufferingBench.class, StressOptions.defaults().progress(false)
                    .warmup(Duration.ZERO).time(time).seed(i + 1));
            rates.add(r.samplesPerSecond());
            bothRates.add(r.perSecond(BOTH_EARLY));
            fractions.add(r.fraction(BOTH_EARLY));
            overlaps.add(r.overlap().orElse(Double.NaN));
            firsts.add(r.firstSeen(BOTH_EARLY).map(d -> d.toNanos() / 1e6).orElse(Double.NaN));
            samples += r.samples();
            seconds += r.wallTime().toNanos() / 1e9;
            for (String w : r.warnings()) out.println("  warning: " + w);
        }
        double embeddedRate = median(rates);
        double embeddedBoth = median(bothRates);
        double embeddedFirst = median(firsts);
        out.println();
        out.printf(Locale.ROOT, "%-10s %15s %9s %12s %12s %9s %16s %8s%n", "harness", "samples", "seconds", "samples/s",
                "0, 0 per s", "0, 0", "first 0, 0 (ms)", "overlap");
        out.printf(Locale.ROOT, "%-10s %,15d %9.1f %12s %12s %8.2f%% %16s %7.0f%%   (median of %d runs of %s)%n",
                "embedded", samples, seconds, rate(embeddedRate), rate(embeddedBoth), 100 * median(fractions),
                millis(embeddedFirst), 100 * median(overlaps), trials, time.toMillis() + " ms");
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
            double jBoth = j.count(BOTH_EARLY) / jSeconds;
            double jFirst = run.firstSeen(BOTH_EARLY).map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-10s %,15d %9.1f %12s %12s %8.2f%% %16s %8s   (one run, -m %s, end to end)%n",
                    "jcstress", j.samples(), jSeconds, rate(jRate), rate(jBoth), 100 * j.fraction(BOTH_EARLY),
                    millis(jFirst), "n/a", mode);
            double sampling = run.output().stream().map(Jcstress.Line::text)
                    .filter(t -> t.startsWith("(Sampling Rate:"))
                    .mapToDouble(StressBench::samplingRate).max().orElse(Double.NaN);
            out.println();
            out.printf(Locale.ROOT, "ratio embedded/jcstress: samples/s %.2f, 0, 0 per s %.2f (end to end)",
                    embeddedRate / jRate, jBoth == 0 ? Double.NaN : embeddedBoth / jBoth);
            if (!Double.isNaN(sampling)) {
                out.printf(Locale.ROOT, "; samples/s %.2f against jcstress's best reported sampling rate (%s/s)",
                        embeddedRate / sampling, rate(sampling));
            }
            out.println();
            out.printf(Locale.ROOT, "first 0, 0: embedded %s ms (median), jcstress %s ms (includes JVM probing and fork start)%n",
                    millis(embeddedFirst), millis(jFirst));
        }
        if (executions > 0) lessonLooks(out);
        out.println("note: measured on a shared machine; other work changes these numbers");
        out.flush();
        return 0;
    }

    /** Repeats lesson 06's quick look in fresh JVMs, one after another, and counts the executions that saw 0, 0. */
    private void lessonLooks(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "lesson 06 quick look (%s, then up to %d retries of 1 s), %d executions in fresh JVMs:%n",
                QuickLook.LESSON_06.time().toMillis() + " ms", QuickLook.LESSON_06_RETRIES, executions);
        int saw = 0;
        int firstRun = 0;
        for (int i = 1; i <= executions; i++) {
            ProcessResult p = ChildJvm.run(QuickLookChild.class, List.of(), List.of(), Duration.ofMinutes(2));
            List<Map<String, String>> rec = p.ok() ? p.records("quicklook") : List.of();
            if (rec.isEmpty()) {
                out.printf(Locale.ROOT, "  execution %d: failed (exit %d%s)%n", i, p.exitCode(), p.timedOut() ? ", timed out" : "");
                continue;
            }
            Map<String, String> r = rec.getFirst();
            boolean seen = Boolean.parseBoolean(r.get("seen"));
            if (seen) saw++;
            if (seen && "1".equals(r.get("runs"))) firstRun++;
            out.printf(Locale.ROOT, "  execution %d: 0, 0 %s; %s run(s), %s samples, 0, 0 counted %s, least overlap %s%n",
                    i, seen ? "seen" : "NOT seen", r.get("runs"), r.get("samples"), r.get("count"), r.get("overlap"));
        }
        out.printf(Locale.ROOT, "0, 0 seen in %d of %d executions (%d of them in the first run)%n", saw, executions, firstRun);
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "never" : String.format(Locale.ROOT, "%.1f", ms);
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
        if (Double.isNaN(perSecond)) return "n/a";
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
