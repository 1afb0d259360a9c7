package racecourse.explore.instrument;

import java.util.List;

/**
 * The classes the explorer loads as they are: the JDK, the explorer and the course's other tools, and the
 * libraries they use. Everything else (the program under test, the course's patterns, test classes) is
 * instrumented. Thread-safe (immutable).
 */
public final class Exclusions {
    private static final List<String> LEFT_ALONE = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "racecourse.", "org.dflib.", "org.zeromq.", "zmq.",
            "com.google.", "org.objectweb.asm.", "picocli.", "tech.tablesaw.", "org.jfree.", "org.junit.",
            "org.opentest4j.", "org.apiguardian.", "org.openjdk.jcstress.", "org.apache.", "it.unimi.",
            "org.roaringbitmap.", "com.ibm.icu.", "io.github.classgraph.", "nonapi.", "joptsimple.", "org.checkerframework.",
            "org.slf4j.", "kotlin.");
    /**
     * Course code that programs under test use and the explorer must see inside (the grader's checks live in
     * {@code racecourse.grader.suite} under disguised names).
     */
    private static final List<String> COURSE_CODE = List.of("racecourse.patterns.", "racecourse.explore.samples.",
            "racecourse.grader.suite.");

    private Exclusions() {
    }

    /** Whether the class with binary name {@code name} is instrumented. */
    public static boolean instrumented(String name) {
        if (name.startsWith("REPL.$Cancel$")) return false; // JShell's stop check in loops: not the program's
        for (String p : COURSE_CODE) {
            if (name.startsWith(p)) return true;
        }
        if (name.startsWith("racecourse.") && (name.contains("Tests") || name.contains("Test$"))) return true;
        for (String p : LEFT_ALONE) {
            if (name.startsWith(p)) return false;
        }
        return true;
    }
}
