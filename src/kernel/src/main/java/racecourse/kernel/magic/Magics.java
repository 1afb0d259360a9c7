package racecourse.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import racecourse.kernel.execution.CellRun;
import racecourse.kernel.session.CellResult;
import racecourse.kernel.session.JShellSession;

/**
 * The kernel's magics. A line whose first character is {@code %} is a line magic ({@code %time},
 * {@code %classpath}, {@code %jars}, {@code %load}); a cell whose first line starts with {@code %%} is a cell magic
 * ({@code %%race}, {@code %%time}). Java code between line magics runs as usual. Not thread-safe: one cell at a time.
 */
public final class Magics {
    /** Runs a cell's body under a cell magic and returns what the cell shows. */
    public interface CellMagic {
        CellResult run(String body, CellRun cell, Function<String, CellResult> evaluate);

        /** Runs a cell's body given the words after the magic's name on its first line (options). */
        default CellResult run(String options, String body, CellRun cell, Function<String, CellResult> evaluate) {
            return run(body, cell, evaluate);
        }
    }

    private final JShellSession session;
    private final java.util.Map<String, CellMagic> cellMagics = new java.util.HashMap<>();
    private final List<String> addedClasspath = new ArrayList<>();

    public Magics(JShellSession session) {
        this.session = session;
        cellMagics.put("time", (body, cell, evaluate) -> timed(body, evaluate));
    }

    /** Registers a cell magic under its name (without {@code %%}). */
    public void register(String name, CellMagic magic) {
        cellMagics.put(name, magic);
    }

    /** The jars and folders that {@code %classpath} and {@code %jars} added, in order (absolute paths). */
    public List<String> addedClasspath() {
        return List.copyOf(addedClasspath);
    }

    /** Runs a cell, magics and all. */
    public CellResult execute(String code, CellRun cell) {
        String stripped = code.stripLeading();
        if (stripped.startsWith("%%")) {
            int eol = stripped.indexOf('\n');
            String header = (eol < 0 ? stripped : stripped.substring(0, eol)).substring(2).trim();
            String body = eol < 0 ? "" : stripped.substring(eol + 1);
            String name = header.split("\\s+")[0];
            CellMagic magic = cellMagics.get(name);
            if (magic == null) return unknown("%%" + name, cellMagics.keySet().stream().map(n -> "%%" + n).toList());
            return magic.run(header.substring(name.length()).trim(), body, cell, text -> runLines(text, cell));
        }
        return runLines(code, cell);
    }

    private CellResult runLines(String code, CellRun cell) {
        List<String> lines = code.lines().toList();
        StringBuilder java = new StringBuilder();
        CellResult last = new CellResult.Nothing();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("%")) {
                java.append(line).append('\n');
                continue;
            }
            if (!java.toString().isBlank()) {
                last = session.evaluate(java.toString(), cell);
                if (last instanceof CellResult.Failure) return last;
            }
            java.setLength(0);
            java.append("\n".repeat(i + 1)); // so that errors in later code name the cell's own line numbers
            last = lineMagic(line.substring(1).trim(), cell);
            if (last instanceof CellResult.Failure) return last;
        }
        if (!java.toString().isBlank()) last = session.evaluate(java.toString(), cell);
        return last;
    }

    private CellResult lineMagic(String line, CellRun cell) {
        String name = line.split("\\s+", 2)[0];
        String arg = line.length() > name.length() ? line.substring(name.length()).trim() : "";
        return switch (name) {
            case "time" -> timed(arg, text -> session.evaluate(text, cell));
            case "classpath" -> classpath(arg);
            case "jars" -> jars(arg);
            case "load" -> load(arg, cell);
            default -> unknown("%" + name, List.of("%time", "%classpath", "%jars", "%load"));
        };
    }

    private static CellResult timed(String code, Function<String, CellResult> evaluate) {
        long start = System.nanoTime();
        CellResult result = evaluate.apply(code);
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("Wall time: %s%n", millis < 1000 ? String.format("%.2f ms", millis) : String.format("%.3f s", millis / 1000));
        return result;
    }

    private CellResult classpath(String arg) {
        if (arg.isEmpty()) return usage("%classpath PATH[" + java.io.File.pathSeparator + "PATH...]");
        List<String> added = new ArrayList<>();
        for (String part : arg.split(java.io.File.pathSeparator)) {
            Path path = Path.of(part.trim());
            if (!Files.exists(path)) return failure("%classpath: no such file or folder: " + path.toAbsolutePath());
            session.addToClasspath(path.toAbsolutePath().toString());
            addedClasspath.add(path.toAbsolutePath().toString());
            added.add(path.toString());
        }
        System.out.println("Added to the class path: " + String.join(", ", added));
        return new CellResult.Nothing();
    }

    private CellResult jars(String glob) {
        if (glob.isEmpty()) return usage("%jars GLOB   (for example %jars lib/*.jar)");
        Path pattern = Path.of(glob);
        Path dir = pattern.getParent() == null ? Path.of(".") : pattern.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
        List<Path> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.filter(p -> matcher.matches(p.getFileName()) && p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return failure("%jars: cannot list " + dir.toAbsolutePath() + ": " + e.getMessage());
        }
        if (found.isEmpty()) return failure("%jars: no jar matches " + glob);
        found.forEach(p -> {
            session.addToClasspath(p.toAbsolutePath().toString());
            addedClasspath.add(p.toAbsolutePath().toString());
        });
        System.out.println("Added " + found.size() + " jar(s): " + found.stream().map(p -> p.getFileName().toString()).toList());
        return new CellResult.Nothing();
    }

    private CellResult load(String file, CellRun cell) {
        if (file.isEmpty()) return usage("%load FILE   (Java snippets, run as if typed into this cell)");
        try {
            return runLines(Files.readString(Path.of(file)), cell);
        } catch (IOException e) {
            return failure("%load: cannot read " + Path.of(file).toAbsolutePath() + ": " + e.getMessage());
        }
    }

    private static CellResult unknown(String name, List<String> known) {
        return failure("unknown magic " + name + "; this kernel knows " + String.join(", ", known));
    }

    private static CellResult usage(String usage) {
        return failure("usage: " + usage);
    }

    private static CellResult failure(String message) {
        return new CellResult.Failure("MagicError", message, List.of(message));
    }
}
