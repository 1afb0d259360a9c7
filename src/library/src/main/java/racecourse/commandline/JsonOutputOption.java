package racecourse.commandline;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where to write results as JSON, {@code --json FILE}. Not thread-safe (filled in by picocli). */
public final class JsonOutputOption {
    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path file;

    /** The file, or null when none was asked for. */
    public Path file() {
        return file;
    }
}
