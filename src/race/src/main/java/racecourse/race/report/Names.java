package racecourse.race.report;

/**
 * Readable names for classes, including JShell's wrapper classes ({@code REPL.$JShell$12$Counter}).
 * Thread-safe (stateless).
 */
public final class Names {
    private Names() {
    }

    /** Returns the readable name of a binary class name: no package, nested classes joined by dots. */
    public static String typeName(String binaryName) {
        String n = binaryName;
        if (n.startsWith("REPL.$JShell$")) {
            int end = n.indexOf('$', "REPL.$JShell$".length());
            return end < 0 ? "jshell" : n.substring(end + 1).replace('$', '.');
        }
        int dot = n.lastIndexOf('.');
        if (dot >= 0) {
            n = n.substring(dot + 1);
        }
        return n.replace('$', '.');
    }

    /** Returns the readable name of a source file; JShell's generated files read as {@code jshell}. */
    public static String fileName(String file) {
        if (file == null) {
            return "Unknown Source";
        }
        return file.startsWith("$JShell$") ? "jshell" : file;
    }

    /** Returns the readable name of a class for stack frames: JDK classes keep their package. */
    public static String frameClass(String binaryName) {
        if (binaryName.startsWith("REPL.$JShell$")) {
            return typeName(binaryName);
        }
        return binaryName;
    }
}
