package racecourse.grader.pipeline;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racecourse.grader.api.Points;
import racecourse.grader.exercise.Exercise;
import racecourse.grader.sandbox.ByteClassLoader;
import racecourse.grader.sandbox.ChildJvm;
import racecourse.grader.step.CompileJava;

/**
 * An exercise's tests, compiled by the grader and discovered by the grader: the list of tests, their points and
 * visibility is decided here, never by the submission's JVM. Compiled once per exercise and reused for every
 * submission. Thread-safe (immutable).
 *
 * @param classes   compiled test and contract classes by binary name
 * @param cases     every test, in discovery order
 * @param selected  the top-level test classes to run
 */
public record TestSuite(Map<String, byte[]> classes, List<TestCase> cases, List<String> selected) {

    /**
     * One test.
     *
     * @param id         JUnit unique id
     * @param name       name shown to the learner ({@code BankTests: deposits add up})
     * @param points     points when it passes
     * @param hidden     true for a hidden test
     * @param className  the test class
     */
    public record TestCase(String id, String name, double points, boolean hidden, String className) {
    }

    /** Compiles the exercise's visible and hidden tests and discovers them. */
    public static TestSuite load(Exercise exercise) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        Set<String> hiddenTopLevel = new HashSet<>();
        for (Path p : exercise.visibleTestSources()) {
            sources.put("tests/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
        }
        for (Path p : exercise.hiddenTestSources()) {
            String file = p.getFileName().toString();
            sources.put("tests/hidden/" + file, Files.readString(p, StandardCharsets.UTF_8));
            hiddenTopLevel.add(file.substring(0, file.length() - ".java".length()));
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(exercise + " has no tests in " + exercise.dir().resolve("tests"));
        }
        CompileJava.Output out = CompileJava.compile(sources, ChildJvm.classPath());
        if (!out.ok()) {
            throw new IllegalStateException("the tests of " + exercise + " do not compile:\n"
                    + String.join("\n", out.errors()));
        }
        return discover(out.classes(), hiddenTopLevel, exercise.raceTest());
    }

    private static TestSuite discover(Map<String, byte[]> classes, Set<String> hiddenTopLevel, String raceTest) {
        ByteClassLoader loader = new ByteClassLoader("tests", classes, TestSuite.class.getClassLoader(), Set.of());
        List<Class<?>> candidates = new ArrayList<>();
        for (String name : classes.keySet()) {
            if (!name.contains("$") && !name.equals(raceTest)) {
                try {
                    candidates.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(candidates.stream().map(DiscoverySelectors::selectClass).toList()).build();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        TestPlan plan;
        try {
            plan = LauncherFactory.create().discover(request);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        List<TestCase> cases = new ArrayList<>();
        Set<String> selected = new LinkedHashSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, cases, selected, hiddenTopLevel);
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no JUnit tests were found in the exercise's tests");
        }
        return new TestSuite(classes, List.copyOf(cases), List.copyOf(selected));
    }

    private static void collect(TestPlan plan, TestIdentifier node, List<TestCase> cases, Set<String> selected,
            Set<String> hiddenTopLevel) {
        if (node.isTest()) {
            Optional<TestSource> source = node.getSource();
            if (source.isPresent() && source.get() instanceof MethodSource ms) {
                String cls = ms.getClassName();
                String top = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
                selected.add(top);
                double points = 1;
                try {
                    Method m = ms.getJavaMethod();
                    Points p = m.getAnnotation(Points.class);
                    if (p != null) {
                        points = Math.max(0, p.value());
                    }
                } catch (RuntimeException e) {
                    // No method object: the default points stand.
                }
                String simple = top.contains(".") ? top.substring(top.lastIndexOf('.') + 1) : top;
                String display = node.getDisplayName();
                if (plan.getParent(node).map(TestIdentifier::isTest).orElse(false)) {
                    display = plan.getParent(node).get().getDisplayName() + " " + display;
                }
                cases.add(new TestCase(node.getUniqueId(), simple + ": " + display, points,
                        hiddenTopLevel.contains(top), cls));
            }
        }
        for (TestIdentifier child : plan.getChildren(node)) {
            collect(plan, child, cases, selected, hiddenTopLevel);
        }
    }

    /** The sum of every test's points. */
    public double maxPoints() {
        return cases.stream().mapToDouble(TestCase::points).sum();
    }

    /** Only the test classes whose simple name is {@code className}, for the race check. */
    public List<String> only(String className) {
        return selected.stream().filter(s -> s.equals(className) || s.endsWith("." + className)).toList();
    }
}
