package racecourse.race.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import racecourse.json.Json;
import racecourse.measure.RatioInterval;
import racecourse.process.ChildJvm;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;

/**
 * The "zero cost and zero effect while dormant" check of {@code racecourse bench race}: lesson 04's lock loop
 * (with two threads, and with one, whose time does not hang on how the two happen to be scheduled) run as a notebook
 * cell (JShell snippets in the JVM) and store buffering's {@code 0, 0} rate under the stress
 * harness, each in a JVM started as the kernel is now (its options, no agent), as the kernel was before (the same
 * plus the dormant agent), and in a plain JVM (no options; the loop compiled ahead). Runs alternate. Not
 * thread-safe (one run).
 */
final class KernelCheck {
    /** The options the kernel's JVM starts with (as in the kernel installer's list). */
    static final List<String> KERNEL_OPTIONS = List.of("--enable-preview", "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");
    private static final String STRESS_TEST = "racecourse.patterns.jmm.StoreBufferingPlain";
    private static final String CLI = "racecourse.cli.Racecourse";

    private final PrintStream out;
    private final int runs;
    private final String stressTime;
    private final String agentOption;

    KernelCheck(PrintStream out, int runs, String stressTime, String agentOption) {
        this.out = out;
        this.runs = runs;
        this.stressTime = stressTime;
        this.agentOption = agentOption;
    }

    void run() throws IOException, InterruptedException {
        out.println("Kernel checks (goal: the notebook kernel measures what a plain JVM measures).");
        out.println("  kernel now: the kernel's JVM options, no agent; kernel before: the same plus the dormant agent;"
                + " plain: java with no options.");
        lockLoop(2, "2 threads x %,d synchronized increments");
        lockLoop(1, "1 thread, %,d synchronized increments with nobody to wait for");
        if (!onClassPath(CLI) || !onClassPath(STRESS_TEST)) {
            out.println("  store buffering: skipped (the stress harness and the course patterns are not on this"
                    + " class path; run it through bin/racecourse)");
            return;
        }
        double[] plainRate = new double[runs];
        double[] nowRate = new double[runs];
        double[] beforeRate = new double[runs];
        for (int i = 0; i < runs; i++) {
            plainRate[i] = zeroZero(List.of());
            nowRate[i] = zeroZero(KERNEL_OPTIONS);
            beforeRate[i] = zeroZero(withAgent());
        }
        double sp = median(plainRate);
        double sn = median(nowRate);
        double sb = median(beforeRate);
        out.printf(Locale.ROOT, "  store buffering '0, 0' (%s per run, median of %d runs): plain %.2f%%; kernel now"
                + " %.2f%% (ratio %.2f, goal 0.5-2); kernel before %.2f%% (ratio %.2f)%n", stressTime.replaceAll("(\\d)([a-z])", "$1 $2"), runs,
                100 * sp, 100 * sn, ratio(sn, sp), 100 * sb, ratio(sb, sp));
        out.println("    each run: plain " + percents(plainRate) + "; now " + percents(nowRate) + "; before "
                + percents(beforeRate));
        out.println("    verdict: " + storeBufferingVerdict(plainRate, nowRate));
    }

    /**
     * Times the lock-loop cell in a plain JVM, the kernel's now and the kernel's before (and the loop compiled
     * ahead), runs alternating, and prints the medians and the verdict.
     */
    private void lockLoop(int threads, String what) throws IOException, InterruptedException {
        List<Long> compiled = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        List<Long> now = new ArrayList<>();
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            compiled.add(probe(List.of(), "plain", threads));
            plain.add(probe(List.of(), "cell", threads));
            now.add(probe(KERNEL_OPTIONS, "cell", threads));
            before.add(probe(withAgent(), "cell", threads));
        }
        double c = median(compiled) / 1e6;
        double p = median(plain) / 1e6;
        double n = median(now) / 1e6;
        double b = median(before) / 1e6;
        out.printf(Locale.ROOT, "  lock loop (" + what + "), median of %d JVMs each:%n", DormantProbe.ROUNDS, runs);
        out.printf(Locale.ROOT, "    the cell in a plain JVM %.1f ms; in the kernel now %.1f ms (%.2f×, goal ≤ 1.1×);"
                + " in the kernel before %.1f ms (%.2f×)%n", p, n, n / p, b, b / p);
        out.printf(Locale.ROOT, "    (the same loop compiled ahead, plain JVM: %.1f ms; runs: cell plain %s; now %s;"
                + " before %s)%n", c, millis(plain), millis(now), millis(before));
        out.println("    verdict: " + lockLoopVerdict(plain, now));
    }

    /**
     * The verdict on the lock-loop cell's times in a plain JVM and in the kernel (goal: at most 1.1×), judged on
     * the 95% interval of their ratio ({@link RatioInterval}): met or not met only if the whole interval is on one
     * side of 1.1×, else inconclusive.
     */
    static String lockLoopVerdict(List<Long> plain, List<Long> now) {
        RatioInterval r = RatioInterval.of(now.stream().mapToDouble(Long::doubleValue).toArray(),
                plain.stream().mapToDouble(Long::doubleValue).toArray());
        String ratio = " (kernel against plain: " + r.words() + ")";
        return switch (r.atMost(1.1)) {
            case MET -> "within 1.1× (goal met)" + ratio;
            case NOT_MET -> "above 1.1× (goal not met)" + ratio;
            case INCONCLUSIVE -> "inconclusive: the interval straddles 1.1×" + ratio
                    + "; rerun on a quiet machine or with more --runs";
        };
    }

    /**
     * The verdict on store buffering's {@code 0, 0} rates in a plain JVM and in the kernel (goal: a ratio within
     * 0.5-2×), judged on the 95% interval of their ratio: met or not met only if that whole interval is inside or
     * outside the goal, else inconclusive. A run that saw no {@code 0, 0} leaves it inconclusive.
     */
    static String storeBufferingVerdict(double[] plainRate, double[] nowRate) {
        if (min(plainRate) == 0 || min(nowRate) == 0) {
            return "inconclusive (no '0, 0' seen in some run; a busy machine rarely runs"
                    + " the two actors at the same time: rerun on a quiet one, or with a longer --stress-time)";
        }
        RatioInterval r = RatioInterval.of(nowRate, plainRate);
        String ratio = " (kernel against plain: " + r.words() + ")";
        return switch (r.within(0.5, 2)) {
            case MET -> "within 2× (goal met)" + ratio;
            case NOT_MET -> "outside 2× (goal not met)" + ratio;
            case INCONCLUSIVE -> "inconclusive: the interval straddles the goal" + ratio
                    + "; rerun on a quiet machine, with more --runs or a longer --stress-time";
        };
    }

    private List<String> withAgent() {
        List<String> o = new ArrayList<>(KERNEL_OPTIONS);
        o.add(agentOption + "=exclude=racecourse.stress.;racecourse.display.;racecourse.grader.");
        return o;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private static String millis(List<Long> nanos) {
        StringBuilder b = new StringBuilder();
        for (long n : nanos) b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.1f ms", n / 1e6));
        return b.toString();
    }

    private static String percents(double[] rates) {
        StringBuilder b = new StringBuilder();
        for (double r : rates) b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.2f%%", 100 * r));
        return b.toString();
    }

    private long probe(List<String> options, String mode, int threads) throws IOException, InterruptedException {
        String output = java(options, List.of(DormantProbe.class.getName(), mode, Integer.toString(threads)));
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from the lock-loop probe:\n" + output));
        return Long.parseLong(line.substring("RESULT ".length()).strip());
    }

    private double zeroZero(List<String> options) throws IOException, InterruptedException {
        Path json = Files.createTempFile("racecourse-sb", ".json");
        try {
            java(options, List.of(CLI, "stress", STRESS_TEST, "--time", stressTime, "--json", json.toString()));
            Map<String, Object> root = Json.parseObject(Files.readString(json, StandardCharsets.UTF_8));
            Map<?, ?> test = (Map<?, ?>) ((List<?>) root.get("tests")).getFirst();
            long total = 0;
            long zz = 0;
            for (Object o : (List<?>) test.get("outcomes")) {
                Map<?, ?> outcome = (Map<?, ?>) o;
                long c = ((Number) outcome.get("count")).longValue();
                total += c;
                if ("0, 0".equals(outcome.get("id"))) zz += c;
            }
            return total == 0 ? 0 : (double) zz / total;
        } finally {
            Files.deleteIfExists(json);
        }
    }

    private static String java(List<String> options, List<String> program) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildJvm.javaCommand());
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(program);
        ProcessResult result = ProcessRunner.of(cmd).mergeStderr().timeout(Duration.ofMinutes(10)).run();
        String output = result.out();
        if (result.timedOut() || result.exitCode() > 1) {
            throw new IllegalStateException("'" + String.join(" ", program) + "' failed:\n" + output);
        }
        return output;
    }

    private static boolean onClassPath(String name) {
        try {
            Class.forName(name, false, KernelCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static double median(List<Long> xs) {
        return median(xs.stream().mapToDouble(Long::doubleValue).toArray());
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] xs) {
        return java.util.Arrays.stream(xs).min().orElse(0);
    }

    }
