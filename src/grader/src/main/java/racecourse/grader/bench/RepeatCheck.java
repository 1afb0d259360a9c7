package racecourse.grader.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.exercise.Variant;
import racecourse.grader.format.Feedback;
import racecourse.grader.format.GradescopeResults;
import racecourse.grader.pipeline.GradeReport;
import racecourse.grader.pipeline.Grader;
import racecourse.grader.step.DetectorRaceCheck;

/**
 * The determinism check of {@code racecourse bench grader}: grades every variant of every exercise N times, N/jobs
 * at once, and reports for each whether the score, the feedback and {@code results.json} (without its time) were
 * the same every time. Not thread-safe: one check at a time.
 */
public final class RepeatCheck {
    private RepeatCheck() {
    }

    /** Runs the check over the course's variants and prints one line per variant; returns how many differed. */
    public static int run(Course course, int repeats, int jobs, PrintWriter out) throws Exception {
        int variants = 0;
        int differed = 0;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            for (String name : course.exerciseNames()) {
                Exercise ex = course.exercise(name);
                for (Path p : ex.variants()) {
                    Variant v = Variant.read(p);
                    Grader grader = new Grader(new DetectorRaceCheck(course.root()), v.testTimeout());
                    List<Future<GradeReport>> runs = new ArrayList<>();
                    for (int i = 0; i < repeats; i++) {
                        runs.add(pool.submit(() -> grader.grade(ex, Variant.submission(ex, v.text()),
                                v.name() + ".ipynb")));
                    }
                    List<String> seen = new ArrayList<>();
                    double score = 0;
                    for (Future<GradeReport> f : runs) {
                        GradeReport r = f.get();
                        score = r.score();
                        String key = r.score() + "\n" + Feedback.write(r) + "\n" + GradescopeResults.write(r)
                                .replaceAll("\"execution_time\": \\d+", "");
                        if (!seen.contains(key)) {
                            seen.add(key);
                        }
                    }
                    variants++;
                    if (seen.size() > 1) {
                        differed++;
                    }
                    out.printf(Locale.ROOT, "  %s/%s: %s over %d gradings%n", name, v.name(), seen.size() == 1
                            ? "the same score (" + score + "), feedback and results"
                            : seen.size() + " different gradings", repeats);
                    out.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        out.printf(Locale.ROOT, "determinism: %d variants x %d gradings in %.0f s: %s%n", variants, repeats,
                (System.nanoTime() - start) / 1e9, differed == 0 ? "every variant graded the same every time"
                        : differed + " variant(s) graded differently");
        return differed;
    }
}
