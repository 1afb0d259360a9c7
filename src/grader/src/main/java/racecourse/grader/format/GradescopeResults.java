package racecourse.grader.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.grader.pipeline.GradeReport;
import racecourse.grader.pipeline.TestResult;
import racecourse.json.Json;

/**
 * Writes a {@link GradeReport} as Gradescope autograder {@code results.json}: top-level {@code score},
 * {@code max_score}, {@code execution_time}, {@code output}, {@code output_format}, {@code visibility},
 * {@code stdout_visibility} and {@code tests[]} with {@code name}, {@code score}, {@code max_score}, {@code status},
 * {@code output}, {@code visibility}; and {@code extra_data} with the grader version and seeds. Thread-safe
 * (stateless).
 */
public final class GradescopeResults {
    private GradescopeResults() {
    }

    /** The results as a JSON tree. */
    public static Map<String, Object> toJson(GradeReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", round(report.score()));
        root.put("max_score", round(report.maxScore()));
        root.put("execution_time", Math.round(report.elapsed().toMillis() / 1000.0));
        StringBuilder output = new StringBuilder(report.summary());
        if (!report.compileErrors().isEmpty()) {
            output.append("\n\nCompiler errors:\n").append(String.join("\n", report.compileErrors()));
        }
        for (String note : report.notes()) {
            output.append("\n\nNote: ").append(note);
        }
        root.put("output", output.toString());
        root.put("output_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        List<Object> tests = new ArrayList<>();
        for (TestResult t : report.tests()) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", t.name());
            test.put("score", round(t.score()));
            test.put("max_score", round(t.maxScore()));
            test.put("status", t.passed() ? "passed" : "failed");
            test.put("output", t.output());
            test.put("visibility", t.visibility());
            tests.add(test);
        }
        root.put("tests", tests);
        // What is needed to reproduce the grade: the grader's version, and the seeds of every randomised step.
        // Today no scored step is randomised (tests are deterministic, the race probe runs its threads in turn),
        // so the seed list is empty; a seeded step adds its seed here.
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("grader_version", version());
        extra.put("seeds", new LinkedHashMap<String, Object>(report.seeds()));
        root.put("extra_data", extra);
        return root;
    }

    /** The results as JSON text. */
    public static String write(GradeReport report) {
        return Json.pretty(toJson(report), 2);
    }

    /** The grader's version from its jar manifest, or {@code "development"} when run from classes. */
    public static String version() {
        String v = GradescopeResults.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
