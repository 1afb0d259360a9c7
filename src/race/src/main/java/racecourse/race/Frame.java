package racecourse.race;

/**
 * One stack frame of a reported access.
 *
 * @param className readable class name (JShell wrappers removed)
 * @param method method name
 * @param file source file name
 * @param line source line, or -1
 */
public record Frame(String className, String method, String file, int line) {
    @Override
    public String toString() {
        return className + "." + method + "(" + file + (line >= 0 ? ":" + line : "") + ")";
    }
}
