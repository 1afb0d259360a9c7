package racecourse.race.instrument;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes the detector leaves alone: the JDK, the detector itself, and the libraries the course's
 * tools run on, plus names given to the agent. A given name ending in {@code .} is a package prefix; any other
 * names one class and its nested classes exactly, never a prefix ({@code LazyTests} does not exclude
 * {@code LazyTestsCell}). Code to leave alone by where it was loaded from is excluded by {@link SourceExclusions}.
 * Thread-safe: immutable after construction.
 */
public final class Exclusions {
    private static final List<String> BUILT_IN = List.of(
            "java/", "javax/", "jdk/", "sun/", "com/sun/", "racecourse/race/", "racecourse/kernel/", "racecourse/jshell/", "org/dflib/",
            "org/zeromq/", "zmq/", "com/google/gson/", asmPackage(), "picocli/", "tech/tablesaw/",
            "org/jfree/", "org/junit/", "org/opentest4j/", "org/apiguardian/", "org/openjdk/jcstress/",
            "org/apache/maven/surefire/", "com/google/common/", "com/google/thirdparty/", "com/google/errorprone/",
            "com/google/j2objc/", "it/unimi/dsi/fastutil/", "org/roaringbitmap/", "com/ibm/icu/",
            "io/github/classgraph/", "nonapi/io/github/classgraph/", "org/apache/commons/math3/", "joptsimple/",
            "org/checkerframework/");

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

    /** Creates the exclusions: the built-in ones and {@code extra} (dotted or slashed package prefixes or class names). */
    public Exclusions(List<String> extra) {
        List<String> p = new ArrayList<>(BUILT_IN);
        for (String e : extra) {
            if (!e.isBlank()) {
                p.add(e.strip().replace('.', '/'));
            }
        }
        prefixes = List.copyOf(p);
    }

    /** Returns whether the class with internal name {@code name} is left alone. */
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
}
