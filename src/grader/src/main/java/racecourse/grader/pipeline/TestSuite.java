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
 * submission.
 *
 * <p>The compiled classes are renamed into the grader's package {@value #PACKAGE} under random names, so a submission
 * (which always lives in the unnamed package) can neither learn which test is driving it, nor name a class of its
 * own like a test, nor be mistaken for grader code. Hidden classes lose their debug information (file names and
 * lines). Thread-safe (immutable).
 *
 * <p>Scores come only from deterministic tests. A test that runs the learner's code on several threads at once
 * (it reaches {@link racecourse.grader.api.Concurrently#run}, directly or through any method of the suite) depends
 * on the schedule, so it is <em>evidence</em>: it may run and be shown, but it is never scored. The grader decides
 * this from the compiled tests, so a test cannot be scored by mistake.
 *
 * @param classes    compiled test and contract classes by binary (disguised) name
 * @param cases      every test, in discovery order
 * @param selected   the top-level test classes to run (disguised names)
 * @param disguises  the exercise's class name (as written in tests/) to its disguised binary name
 */
public record TestSuite(Map<String, byte[]> classes, List<TestCase> cases, List<String> selected,
        Map<String, String> disguises) {
    /** The package every test class is moved into. */
    public static final String PACKAGE = "racecourse.grader.suite";

    /**
     * One test.
     *
     * @param id         JUnit unique id
     * @param name       name shown to the learner ({@code BankTests: deposits add up})
     * @param points     points when it passes
     * @param hidden     true for a hidden test
     * @param className  the test class
     * @param method     the test method's name
     * @param scored     false for evidence: a test whose outcome depends on the schedule
     */
    public record TestCase(String id, String name, double points, boolean hidden, String className, String method,
            boolean scored) {
        /** The JUnit method selector the harness runs: {@code class#method}. */
        public String selector() {
            return className + "#" + method;
        }
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
        Map<String, String> disguises = new LinkedHashMap<>();
        Map<String, byte[]> classes = disguise(out.classes(), hiddenTopLevel, disguises);
        String race = exercise.raceTest() == null ? null : disguises.get(exercise.raceTest());
        Map<String, String> originals = new LinkedHashMap<>();
        disguises.forEach((k, v) -> originals.put(v, k));
        return discover(classes, hiddenTopLevel, race, originals, disguises);
    }

    /** Renames every class into {@link #PACKAGE} under a random name; hidden classes lose their debug information. */
    private static Map<String, byte[]> disguise(Map<String, byte[]> compiled, Set<String> hiddenTopLevel,
            Map<String, String> disguises) {
        java.security.SecureRandom random = new java.security.SecureRandom();
        Map<String, String> internal = new LinkedHashMap<>();
        for (String name : compiled.keySet()) {
            String top = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            String rest = name.substring(top.length());
            String newTop = disguises.computeIfAbsent(top, t -> PACKAGE + ".C" + Long.toHexString(random.nextLong()
                    & Long.MAX_VALUE));
            disguises.put(name, newTop + rest);
            internal.put(name.replace('.', '/'), (newTop + rest).replace('.', '/'));
        }
        org.objectweb.asm.commons.SimpleRemapper remapper = new org.objectweb.asm.commons.SimpleRemapper(internal);
        Map<String, byte[]> out = new LinkedHashMap<>();
        compiled.forEach((name, bytes) -> {
            String top = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            org.objectweb.asm.ClassReader reader = new org.objectweb.asm.ClassReader(bytes);
            org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
            reader.accept(new org.objectweb.asm.commons.ClassRemapper(writer, remapper),
                    hiddenTopLevel.contains(top) ? org.objectweb.asm.ClassReader.SKIP_DEBUG : 0);
            out.put(disguises.get(name), writer.toByteArray());
        });
        return out;
    }

    private static TestSuite discover(Map<String, byte[]> classes, Set<String> hiddenTopLevel, String raceTest,
            Map<String, String> originals, Map<String, String> disguises) {
        ByteClassLoader loader = new ByteClassLoader("tests", classes, TestSuite.class.getClassLoader(), Set.of(),
                TestSuite.class.getProtectionDomain());
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
        Set<String> concurrent = ScheduleDependence.methods(classes.values());
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, cases, selected, hiddenTopLevel, originals, concurrent);
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no JUnit tests were found in the exercise's tests");
        }
        return new TestSuite(classes, List.copyOf(cases), List.copyOf(selected), Map.copyOf(disguises));
    }

    private static void collect(TestPlan plan, TestIdentifier node, List<TestCase> cases, Set<String> selected,
            Set<String> hiddenTopLevel, Map<String, String> originals, Set<String> concurrent) {
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
                String original = originals.getOrDefault(top, top);
                boolean hidden = hiddenTopLevel.contains(original);
                // A hidden test is shown by what it checks, never by its class name.
                String simple = hidden ? "Hidden check" : original;
                String display = node.getDisplayName();
                if (plan.getParent(node).map(TestIdentifier::isTest).orElse(false)) {
                    display = plan.getParent(node).get().getDisplayName() + " " + display;
                }
                boolean scored = !concurrent.contains(cls.replace('.', '/') + "." + ms.getMethodName());
                cases.add(new TestCase(node.getUniqueId(), simple + ": " + display, scored ? points : 0, hidden, cls,
                        ms.getMethodName(), scored));
            }
        }
        for (TestIdentifier child : plan.getChildren(node)) {
            collect(plan, child, cases, selected, hiddenTopLevel, originals, concurrent);
        }
    }

    /** The sum of every scored test's points. */
    public double maxPoints() {
        return cases.stream().filter(TestCase::scored).mapToDouble(TestCase::points).sum();
    }

    /** The tests a grading runs: the scored ones, and the evidence too when {@code evidence} is set. */
    public List<TestCase> toRun(boolean evidence) {
        return cases.stream().filter(c -> c.scored() || evidence).toList();
    }

    /** The disguised binary name of a test class named {@code className} in the exercise's tests, or null. */
    public String disguised(String className) {
        return disguises.get(className);
    }
}
