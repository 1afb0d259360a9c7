package racecourse.explore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the explorer needs to know about a program's source file beyond compiling it (which
 * {@link racecourse.compile.Javac} does): which class holds its {@code main}. Thread-safe (stateless).
 */
public final class JavaSources {
    private JavaSources() {
    }

    /** The name of the first top-level class in a source file that declares a main method, or the file's name. */
    public static String mainClass(Path source) throws IOException {
        String text = Files.readString(source);
        String pkg = "";
        var pm = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
        if (pm.find()) pkg = pm.group(1) + ".";
        String fallback = source.getFileName().toString().replaceFirst("\\.java$", "");
        var cm = java.util.regex.Pattern.compile("(?m)^(?:public\\s+|final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)")
                .matcher(text);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (cm.find()) {
            names.add(cm.group(1));
            starts.add(cm.start());
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1) : text.length();
            if (text.substring(starts.get(i), end).matches("(?s).*\\bvoid\\s+main\\s*\\(.*")) return pkg + names.get(i);
        }
        return pkg + fallback;
    }
}
