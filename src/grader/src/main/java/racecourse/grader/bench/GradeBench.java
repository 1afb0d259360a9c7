package racecourse.grader.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.exercise.Variant;
import racecourse.grader.format.Notebook;
import racecourse.grader.pipeline.GradeAll;
import racecourse.grader.pipeline.Gradebook;
import racecourse.grader.pipeline.Grader;
import racecourse.grader.step.DetectorRaceCheck;

/**
 * {@code racecourse bench grader}: times {@code grade-all --jobs 2} on N generated submissions of the bank exercise
 * (a mix of the reference solution and every variant, so deadlocks and races are in the mix) and prints the wall
 * time, the time per submission, the figure projected for a class of 300, the score distribution, and the peak
 * memory of the grader with its child JVMs against Gradescope's default container memory (768 MB). The goal is 100
 * submissions in under 10 minutes. Then ({@code --repeats}, default 10) it grades every variant of every exercise
 * that many times and says whether each graded the same every time ({@link RepeatCheck}).
 */
@Command(name = "grader", mixinStandardHelpOptions = true,
        description = "Time grade-all --jobs 2 on N generated submissions of an exercise.")
public final class GradeBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--submissions", defaultValue = "100", description = "how many submissions (default 100)")
    int count;

    @Option(names = "--jobs", defaultValue = "2", description = "parallel gradings (default 2)")
    int jobs;

    @Option(names = "--repeats", defaultValue = "10", description = "then grade every variant of every exercise "
            + "this many times and check that each grades the same every time (default 10; 0 skips it)")
    int repeats;

    @Option(names = "--exercise", defaultValue = "bank", description = "exercise (default bank)")
    String exercise;

    @Option(names = "--course", paramLabel = "DIR", description = "course root (default: search upward from here)")
    Path course;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Course c = Course.locate(course);
        Exercise ex = c.exercise(exercise);
        List<Path> variants = ex.variants();
        Path work = Files.createTempDirectory("racecourse-bench-");
        try {
            Path dir = Files.createDirectories(work.resolve("submissions"));
            for (int i = 0; i < count; i++) {
                // Two in three are the reference solution; the rest cycle through the variants.
                Path target = dir.resolve(String.format(Locale.ROOT, "student-%03d.ipynb", i));
                if (variants.isEmpty() || i % 3 != 2) {
                    Files.copy(ex.notebook(), target);
                } else {
                    Variant v = Variant.read(variants.get((i / 3) % variants.size()));
                    Notebook nb = Variant.submission(ex, v.text());
                    nb.write(target);
                }
            }
            Path csv = work.resolve("gradebook.csv");
            out.printf(Locale.ROOT, "grading %d submissions of %s with --jobs %d on %d cores%n", count, exercise,
                    jobs, Runtime.getRuntime().availableProcessors());
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            out.printf(Locale.ROOT, "load average at the start: %.2f%n", os.getSystemLoadAverage());
            out.flush();
            MemoryPeak memory = MemoryPeak.start();
            long start = System.nanoTime();
            // The time includes recording the child JVMs' class caches when they are missing (one grading of the
            // reference solution); GradeAll says so in its progress.
            GradeAll.Summary s = new GradeAll(new Grader(new DetectorRaceCheck(c.root())))
                    .run(ex, dir, Gradebook.open(csv), jobs, null, line -> {
                        if (line.contains("class caches")) {
                            out.println(line);
                        }
                    });
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "load average at the end: %.2f%n", os.getSystemLoadAverage());
            long peakMb = memory.stop() >> 20;
            long full = Gradebook.open(csv).rows().values().stream().filter(r -> "full".equals(r.get(3))).count();
            out.printf(Locale.ROOT, "graded %d (errors %d) in %.1f s: %.2f s per submission, %.1f minutes for "
                    + "100 (goal: under 10)%n", s.graded(), s.errors(), seconds, seconds / Math.max(1, s.graded()),
                    seconds / Math.max(1, s.graded()) * 100 / 60);
            out.printf(Locale.ROOT, "full marks: %d of %d (reference copies and correct variants)%n", full,
                    s.graded());
            double per = seconds / Math.max(1, s.graded());
            out.printf(Locale.ROOT, "a class of 300: %.1f minutes with --jobs %d on this machine%n", per * 300 / 60,
                    jobs);
            out.printf(Locale.ROOT, "peak memory (grader and its child JVMs, resident): %d MB with --jobs %d; "
                    + "one grading at a time (Gradescope runs one submission per container) needs about %d MB: "
                    + "%s Gradescope's default 768 MB%n", peakMb, jobs, peakMb / Math.max(1, jobs),
                    peakMb / Math.max(1, jobs) <= 768 ? "within" : "above, so raise the container memory above");
            out.println("note: the machine is shared; other builds running at the same time slow this down.");
            out.flush();
            int differed = repeats > 0 ? RepeatCheck.run(c, repeats, jobs, out) : 0;
            if (repeats > 0) {
                out.printf(Locale.ROOT, "load average at the end of the determinism check: %.2f%n",
                        os.getSystemLoadAverage());
            }
            return s.errors() == 0 && differed == 0 ? 0 : 1;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
