package racecourse.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way lessons time things. A timing names one or more child mains; each run starts every one of them in a
 * fresh JVM (interleaved, so that a busy spell hits all variants alike), and each child prints one line per variant
 * it measured: {@code measure variant=NAME value=NUMBER}. At least {@link #MIN_RUNS} runs are made. Not
 * thread-safe while being built.
 */
public final class Timing {
    /** The fewest runs a timing makes. */
    public static final int MIN_RUNS = 5;
    /** The prefix of the lines a child prints for each measured variant. */
    public static final String PREFIX = "measure";

    private record Job(Class<?> main, List<String> args) {
    }

    private final String title;
    private final String unit;
    private final Better better;
    private final List<Job> jobs = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private int runs = MIN_RUNS;
    private Duration deadline = Duration.ofSeconds(60);
    private ChildRunner runner = ChildRunner.childJvm();

    private Timing(String title, String unit, Better better) {
        this.title = title;
        this.unit = unit;
        this.better = better;
    }

    /** A timing with a title, the unit its children print, and which way that unit improves. */
    public static Timing of(String title, String unit, Better better) {
        return new Timing(title, unit, better);
    }

    /** Adds a child main started in each run, with its arguments. */
    public Timing child(Class<?> main, String... args) {
        jobs.add(new Job(main, List.of(args)));
        return this;
    }

    /** Adds JVM options for every child. */
    public Timing jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Sets the number of runs; fewer than {@link #MIN_RUNS} is refused. */
    public Timing runs(int runs) {
        if (runs < MIN_RUNS) throw new IllegalArgumentException("a timing needs at least " + MIN_RUNS + " runs, not " + runs);
        this.runs = runs;
        return this;
    }

    /** Sets how long one child may take before it is stopped. */
    public Timing deadline(Duration deadline) {
        this.deadline = deadline;
        return this;
    }

    /** Plugs in the process runner (the course's process helper, or a fake in tests). */
    public Timing runner(ChildRunner runner) {
        this.runner = runner;
        return this;
    }

    /** Runs every child {@code runs} times and summarises what they printed. */
    public Measurement run() {
        if (jobs.isEmpty()) throw new IllegalStateException(title + ": no child main to run");
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        MachineLoad load = MachineLoad.now();
        for (int run = 0; run < runs; run++) {
            for (Job job : jobs) {
                ChildRunner.Output output = runner.run(job.main, jvmOptions, job.args, deadline);
                load = load.max(MachineLoad.now());
                if (output.exitCode() != 0) {
                    throw new IllegalStateException(title + ": " + job.main.getName() + " exited with " + output.exitCode()
                            + " in run " + (run + 1) + ":\n" + output.err() + output.out());
                }
                int lines = parse(output.out(), samples);
                if (lines == 0) {
                    throw new IllegalStateException(title + ": " + job.main.getName() + " printed no '" + PREFIX
                            + " variant=... value=...' line:\n" + output.out());
                }
            }
        }
        List<Summary> summaries = new ArrayList<>();
        samples.forEach((variant, values) -> summaries.add(new Summary(variant, values.stream().mapToDouble(Double::doubleValue).toArray())));
        return new Measurement(title, unit, better, summaries, load);
    }

    /** Reads the {@code measure} lines of one child's output into {@code samples}; returns how many there were. */
    static int parse(String out, Map<String, List<Double>> samples) {
        int found = 0;
        for (String line : out.split("\n")) {
            if (!line.startsWith(PREFIX + " ")) continue;
            String variant = null;
            String value = null;
            for (String part : line.substring(PREFIX.length()).trim().split("\\s+(?=\\w+=)")) {
                int eq = part.indexOf('=');
                if (eq < 0) continue;
                String key = part.substring(0, eq);
                if (key.equals("variant")) variant = part.substring(eq + 1).replace('_', ' ');
                if (key.equals("value")) value = part.substring(eq + 1);
            }
            if (variant == null || value == null) throw new IllegalArgumentException("bad measure line: " + line);
            try {
                samples.computeIfAbsent(variant, v -> new ArrayList<>()).add(Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad value in measure line: " + line, e);
            }
            found++;
        }
        return found;
    }

    /** The line a child prints for one measured variant (spaces in the name become underscores). */
    public static String line(String variant, double value) {
        return PREFIX + " variant=" + variant.replace(' ', '_') + " value=" + value;
    }
}
