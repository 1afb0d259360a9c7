package racecourse.commandline;

import java.io.File;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The class-path option, spelled as {@code java} spells it: {@code -cp}/{@code --class-path}. Add it to a command
 * with {@code @Mixin ClassPathOption classPath;}. Not thread-safe (filled in by picocli).
 */
public final class ClassPathOption {
    @Option(names = {"-cp", "--class-path"}, paramLabel = "CLASSPATH",
            description = "Where to find the classes: jars and folders separated by '${sys:path.separator}'.")
    String value;

    /** The option's text as given, or null when it was not given. */
    public String value() {
        return value;
    }

    /** The entries of the class path, or an empty list when it was not given. */
    public List<String> entries() {
        if (value == null || value.isBlank()) return List.of();
        return List.of(value.split(File.pathSeparator)).stream().filter(s -> !s.isBlank()).toList();
    }
}
