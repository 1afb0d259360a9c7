package racecourse.grader.inline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racecourse.grader.api.Submission;
import racecourse.grader.exercise.Course;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.sandbox.ByteClassLoader;
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.step.CompileJava;

/**
 * Runs an exercise's visible tests in the notebook's own JVM on the class the learner just defined, for example
 * {@code Checks.run("bank", Bank.class)}. The tests are compiled from {@code exercises/NAME/tests/*.java} (never the
 * hidden ones) and reach the class through {@link Submission}. Thread-safe: one check at a time (the registered
 * class is global).
 */
public final class Checks {
    private static final Object LOCK = new Object();

    private Checks() {
    }

    /** Runs the visible tests of {@code exercise} on {@code type} and returns the table; never throws. */
    public static CheckReport run(String exercise, Class<?> type) {
        try {
            return run(courseRoot(), exercise, type);
        } catch (RuntimeException | IOException e) {
            return new CheckReport(exercise, List.of(), "the check could not run: " + e.getMessage());
        }
    }

    /** As {@link #run(String, Class)} with an explicit course root. */
    public static CheckReport run(Path courseRoot, String exercise, Class<?> type) throws IOException {
        Exercise ex = Course.locate(courseRoot).exercise(exercise);
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path p : ex.visibleTestSources()) {
            sources.put("tests/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
        }
        CompileJava.Output out = CompileJava.compile(sources, ChildJvm.classPath());
        if (!out.ok()) {
            return new CheckReport(exercise, List.of(), "the exercise's tests do not compile: "
                    + String.join("; ", out.errors()));
        }
        ByteClassLoader loader = new ByteClassLoader("visible-tests", out.classes(), Checks.class.getClassLoader(),
                Set.of());
        List<Class<?>> classes = new ArrayList<>();
        for (String name : out.classes().keySet()) {
            if (!name.contains("$")) {
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        List<CheckReport.Row> rows = Collections.synchronizedList(new ArrayList<>());
        synchronized (LOCK) {
            Submission.clear();
            Submission.register(ex.className(), type);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(classes.stream().map(DiscoverySelectors::selectClass).toList())
                    .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                    .build();
            Thread me = Thread.currentThread();
            ClassLoader previous = me.getContextClassLoader();
            me.setContextClassLoader(loader);
            try {
                LauncherFactory.create().execute(request, new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                            rows.add(new CheckReport.Row(id.getDisplayName(), ok,
                                    ok ? "" : result.getThrowable().map(Checks::describe).orElse("failed")));
                        }
                    }

                    @Override
                    public void executionSkipped(TestIdentifier id, String reason) {
                        if (id.isTest()) {
                            rows.add(new CheckReport.Row(id.getDisplayName(), false, "not run: " + reason));
                        }
                    }
                });
            } finally {
                me.setContextClassLoader(previous);
                Submission.clear();
            }
        }
        return new CheckReport(exercise, List.copyOf(rows), "");
    }

    private static String describe(Throwable t) {
        if (t instanceof AssertionError && t.getMessage() != null) {
            return t.getMessage();
        }
        return t.toString();
    }

    private static Path courseRoot() {
        String home = System.getenv("RACECOURSE_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "exercises"))) {
            return Path.of(home);
        }
        return Course.locate(null).root();
    }
}
