package racecourse.race.instrument;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes each instrumentation leaves alone. Both leave alone the JDK and the libraries the course's tools
 * run on ({@link #LIBRARIES}). The detector also leaves alone its own classes, the kernel's and names given to the
 * agent: a given name ending in {@code .} is a package prefix; any other names one class and its nested classes
 * exactly, never a prefix ({@code LazyTests} does not exclude {@code LazyTestsCell}); code to leave alone by where
 * it was loaded from is excluded by {@link SourceExclusions}. The explorer ({@link #explored}) leaves alone all of
 * the course's own classes except the code programs under test use. Thread-safe: immutable after construction.
 */
public final class Exclusions {
    /** Internal-name prefixes of the JDK and of the libraries the course's tools use. */
    private static final List<String> LIBRARIES = List.of(
            "java/", "javax/", "jdk/", "sun/", "com/sun/", "org/dflib/", "org/zeromq/", "zmq/", "com/google/",
            asmPackage(), "picocli/", "tech/tablesaw/", "org/jfree/", "org/junit/", "org/opentest4j/",
            "org/apiguardian/", "org/openjdk/jcstress/", "org/apache/", "it/unimi/", "org/roaringbitmap/",
            "com/ibm/icu/", "io/github/classgraph/", "nonapi/", "joptsimple/", "org/checkerframework/", "org/slf4j/",
            "kotlin/");
    /** The course's tools that the detector leaves alone. */
    private static final List<String> DETECTOR_TOOLS = List.of("racecourse/race/", "racecourse/kernel/",
            "racecourse/jshell/");
    /**
     * Course code that programs under test use and the explorer must see inside (the grader's checks live in
     * {@code racecourse.grader.suite} under disguised names).
     */
    private static final List<String> COURSE_CODE = List.of("racecourse/patterns/", "racecourse/explore/samples/",
            "racecourse/grader/suite/");

    /**
     * ASM's package, built at run time: the agent jar's build relocates constant strings that name ASM, and the
     * program's own ASM (not the detector's relocated copy) is the one to leave alone.
     */
    private static String asmPackage() {
        return String.join("/", "org", "objectweb", "asm") + "/";
    }

    /** The benchmark's workloads: the detector's only own classes that it tracks. */
    private static final String WORKLOADS = "racecourse/race/bench/workload/";

    private final List<String> prefixes;

    /**
     * Creates the detector's exclusions: the built-in ones and {@code extra} (dotted or slashed package prefixes
     * or class names).
     */
    public Exclusions(List<String> extra) {
        List<String> p = new ArrayList<>(LIBRARIES);
        p.addAll(DETECTOR_TOOLS);
        for (String e : extra) {
            if (!e.isBlank()) {
                p.add(e.strip().replace('.', '/'));
            }
        }
        prefixes = List.copyOf(p);
    }

    /** Returns whether the detector leaves alone the class with internal name {@code name}. */
    public boolean excludes(String name) {
        if (name.startsWith(WORKLOADS)) {
            return false;
        }
        for (String p : prefixes) {
            if (p.endsWith("/") ? name.startsWith(p) : name.equals(p) || name.startsWith(p + "$")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether the explorer instruments the class with binary name {@code name}: the program under test,
     * the course's patterns and test classes are; the JDK, the libraries and the course's tools are not.
     */
    public static boolean explored(String name) {
        if (name.startsWith("REPL.$Cancel$")) {
            return false; // JShell's stop check in loops: not the program's
        }
        String internal = name.replace('.', '/');
        for (String p : COURSE_CODE) {
            if (internal.startsWith(p)) {
                return true;
            }
        }
        if (internal.startsWith("racecourse/") && (name.contains("Tests") || name.contains("Test$"))) {
            return true;
        }
        for (String p : LIBRARIES) {
            if (internal.startsWith(p)) {
                return false;
            }
        }
        return !internal.startsWith("racecourse/");
    }
}
