package racecourse.race.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code -javaagent:race.jar=OPTIONS}: comma-separated {@code on}, {@code stderr},
 * {@code verbose}, {@code json=PATH}, {@code text=PATH}, {@code max=N}, {@code exclude=a.b.;c.d.Name},
 * {@code excludeSource=PATH;PATH}.
 * Immutable, thread-safe.
 *
 * @param on track from JVM start (otherwise dormant until {@code Race.check})
 * @param stderr print each race on stderr as found, and the summary at exit
 * @param verbose log each instrumented class
 * @param json JSON report file, or null
 * @param text text report file, or null
 * @param max races reported in full
 * @param exclude extra packages ({@code a.b.}) or classes ({@code a.b.Name}, with its nested classes) not to
 *     instrument
 * @param excludeSource jars and folders whose classes are not instrumented, whatever their names
 * @param threadsMarker a file whose existence at exit asks for a short report of the live threads on stderr
 *     (the command creates it before ending a program that ran past its timeout), or null
 */
public record AgentOptions(boolean on, boolean stderr, boolean verbose, Path json, Path text, int max,
                           List<String> exclude, List<Path> excludeSource, Path threadsMarker) {
    /** The default number of races reported in full. */
    public static final int DEFAULT_MAX = 100;

    /** Parses an agent argument string (null or empty: dormant, defaults). */
    public static AgentOptions parse(String args) {
        boolean on = false;
        boolean stderr = false;
        boolean verbose = false;
        Path json = null;
        Path text = null;
        int max = DEFAULT_MAX;
        List<String> exclude = new ArrayList<>();
        List<Path> excludeSource = new ArrayList<>();
        Path threadsMarker = null;
        if (args != null && !args.isBlank()) {
            for (String part : args.split(",")) {
                String p = part.strip();
                int eq = p.indexOf('=');
                String key = eq < 0 ? p : p.substring(0, eq);
                String value = eq < 0 ? "" : p.substring(eq + 1);
                switch (key) {
                    case "on" -> on = true;
                    case "stderr" -> stderr = true;
                    case "verbose" -> verbose = true;
                    case "json" -> json = Path.of(value);
                    case "text" -> text = Path.of(value);
                    case "max" -> max = Integer.parseInt(value);
                    case "exclude" -> exclude.addAll(List.of(value.split(";")));
                    case "threadsOnExit" -> threadsMarker = Path.of(value);
                    case "excludeSource" -> {
                        for (String path : value.split(";")) {
                            if (!path.isBlank()) excludeSource.add(Path.of(path.strip()));
                        }
                    }
                    case "" -> {
                    }
                    default -> throw new IllegalArgumentException("race agent: unknown option '" + key
                            + "' (known: on, stderr, verbose, json=, text=, max=, exclude=, excludeSource=, threadsOnExit=)");
                }
            }
        }
        return new AgentOptions(on || json != null || text != null, stderr, verbose, json, text, max,
                List.copyOf(exclude), List.copyOf(excludeSource), threadsMarker);
    }
}
