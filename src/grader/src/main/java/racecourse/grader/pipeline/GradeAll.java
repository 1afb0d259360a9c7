package racecourse.grader.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.format.Feedback;
import racecourse.grader.format.GradescopeResults;

/**
 * Grades every {@code .ipynb} in a folder with N parallel workers, one gradebook row per submission. Submissions
 * that already have a row are skipped, so a run that was stopped half-way finishes the rest when started again.
 * Thread-safe: the grader and the gradebook are; each worker grades its own submissions.
 */
public final class GradeAll {
    private final Grader grader;

    /** Uses {@code grader} for every submission. */
    public GradeAll(Grader grader) {
        this.grader = grader;
    }

    /**
     * What a run did.
     *
     * @param graded  submissions graded in this run
     * @param skipped submissions that already had a row
     * @param errors  submissions whose grading failed with an error (they have an "error" row)
     */
    public record Summary(int graded, int skipped, int errors) {
    }

    /** Grades the folder; writes per-submission results and feedback into {@code outDir} when it is not null. */
    public Summary run(Exercise exercise, Path dir, Gradebook book, int jobs, Path outDir, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<Path> submissions;
        try (Stream<Path> s = Files.list(dir)) {
            submissions = s.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        grader.suite(exercise);
        try {
            if (grader.warmUp(exercise)) {
                progress.accept("recorded the child JVMs' class caches by grading the reference solution");
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            // Without caches every child starts as before; the gradings themselves are unchanged.
            progress.accept("could not record the child JVMs' class caches: " + e.getMessage());
        }
        AtomicInteger graded = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int skipped = 0;
        List<Future<?>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            for (Path p : submissions) {
                String name = p.getFileName().toString();
                if (book.has(name)) {
                    skipped++;
                    continue;
                }
                futures.add(pool.submit(() -> {
                    try {
                        GradeReport r = grader.grade(exercise, p);
                        if (outDir != null) {
                            String base = name.substring(0, name.length() - ".ipynb".length());
                            Files.writeString(outDir.resolve(base + ".results.json"), GradescopeResults.write(r),
                                    StandardCharsets.UTF_8);
                            Files.writeString(outDir.resolve(base + ".feedback.md"), Feedback.write(r),
                                    StandardCharsets.UTF_8);
                        }
                        book.add(r);
                        graded.incrementAndGet();
                        progress.accept(name + ": " + Format.points(r.score()) + " / " + Format.points(r.maxScore()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception | Error e) {
                        // Any failure of one submission, an Error such as StackOverflowError included, costs only
                        // that submission: it gets an error row and the run goes on.
                        errors.incrementAndGet();
                        book.addError(name, e.toString());
                        progress.accept(name + ": error " + e);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // Only a failure to record a failure lands here; the other submissions still finish.
                    errors.incrementAndGet();
                    progress.accept("error: " + e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(graded.get(), skipped, errors.get());
    }
}
