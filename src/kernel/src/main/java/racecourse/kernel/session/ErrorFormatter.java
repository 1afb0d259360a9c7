package racecourse.kernel.session;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns exceptions thrown by cell code into lines a learner can read: the frames of the kernel and of reflection
 * are cut away, JShell's wrapper class names become the learner's class names, and JShell's snippet file names
 * become "cell [N], line L". Thread-safe.
 */
public final class ErrorFormatter {
    /** Where a snippet's first line sits: the cell it came from and the line it starts on there. */
    record SnippetPlace(int executionCount, int firstLine) {
    }

    private final Map<String, SnippetPlace> places = new ConcurrentHashMap<>();

    /** Records that snippet {@code id} is cell [executionCount]'s code from line {@code firstLine} on. */
    void remember(String snippetId, int executionCount, int firstLine) {
        places.put(snippetId, new SnippetPlace(executionCount, firstLine));
    }

    /** The throwable and its causes, each trimmed to the learner's frames. */
    public List<String> format(Throwable error) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        String prefix = "";
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            lines.add(prefix + describe(t));
            StackTraceElement[] frames = t.getStackTrace();
            int last = lastLearnerFrame(frames);
            int end = last >= 0 ? last + 1 : Math.min(frames.length, 8);
            for (int i = 0; i < end; i++) lines.add("    at " + frame(frames[i]));
            if (end < frames.length && last < 0) lines.add("    ... " + (frames.length - end) + " more");
            prefix = "Caused by: ";
        }
        return lines;
    }

    /** The exception's class name (JShell's wrapper prefix removed) and message. */
    public static String describe(Throwable t) {
        String name = learnerName(t instanceof jdk.jshell.EvalException e ? e.getExceptionClassName() : t.getClass().getName());
        return t.getMessage() == null ? name : name + ": " + t.getMessage();
    }

    private static int lastLearnerFrame(StackTraceElement[] frames) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith("REPL.")) last = i;
        }
        return last;
    }

    private String frame(StackTraceElement f) {
        String cls = learnerName(f.getClassName());
        String method = f.getMethodName();
        boolean wrapper = cls.isEmpty();
        String where;
        SnippetPlace place = f.getFileName() == null ? null : places.get(f.getFileName().replace("#", ""));
        if (place != null && f.getLineNumber() > 0) {
            where = "cell [" + place.executionCount() + "], line " + (place.firstLine() + f.getLineNumber() - 1);
        } else if (f.getFileName() != null) {
            where = f.getFileName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "");
        } else {
            where = "unknown source";
        }
        if (method.startsWith("lambda$")) method = "lambda";
        if (wrapper) return (method.isEmpty() || method.startsWith("do_it$") ? "cell code" : method) + " (" + where + ")";
        return cls + "." + method + " (" + where + ")";
    }

    /** Strips JShell's {@code REPL.$JShell$12$} wrapper prefix from a class name. */
    public static String learnerName(String className) {
        if (!className.startsWith("REPL.$JShell$")) return className;
        String rest = className.substring("REPL.$JShell$".length());
        int dollar = rest.indexOf('$');
        return dollar < 0 ? "" : rest.substring(dollar + 1).replace('$', '.');
    }
}
