package racecourse.kernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import racecourse.files.FileTrees;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;

/** Where Jupyter looks for kernelspecs, following Jupyter's own rules for user, sys-prefix and prefix installs. Thread-safe. */
public final class JupyterPaths {
    private JupyterPaths() {
    }

    /**
     * The kernels folder for a user, {@code --sys-prefix} or {@code --prefix} install. {@code --sys-prefix} means
     * what it means to Jupyter: {@code sys.prefix} of the Python that runs the {@code jupyter} on PATH.
     */
    public static Path kernelsDir(boolean user, boolean sysPrefix, Path prefix) throws IOException {
        int chosen = (user ? 1 : 0) + (sysPrefix ? 1 : 0) + (prefix != null ? 1 : 0);
        if (chosen > 1) throw new IllegalArgumentException("choose one of --user, --sys-prefix and --prefix");
        if (prefix != null) return prefix.toAbsolutePath().resolve("share/jupyter/kernels");
        if (sysPrefix) return sysPrefixKernelsDir();
        return userDataDir().resolve("kernels");
    }

    /**
     * Asks Jupyter where {@code jupyter kernelspec install --sys-prefix} puts kernels: installs a throw-away
     * kernelspec that way, reads where it went, and removes it. An installed racecourse kernel is not touched.
     */
    static Path sysPrefixKernelsDir() throws IOException {
        Path probe = Files.createTempDirectory("racecourse-probe");
        String name = "racecourse-where-" + ProcessHandle.current().pid();
        try {
            Path stage = Files.createDirectories(probe.resolve(name));
            Files.writeString(stage.resolve("kernel.json"),
                    "{\"argv\": [\"false\"], \"display_name\": \"probe\", \"language\": \"java\"}\n");
            ProcessResult result;
            try {
                result = ProcessRunner.of("jupyter", "kernelspec", "install", "--sys-prefix", "--name", name, stage.toString())
                        .mergeStderr().timeout(Duration.ofMinutes(2)).run();
            } catch (RuntimeException e) {
                throw new IOException("--sys-prefix needs Jupyter's 'jupyter' command on PATH: " + e.getMessage(), e);
            }
            Matcher m = INSTALLED.matcher(result.out());
            if (!result.ok() || !m.find()) {
                throw new IOException("'jupyter kernelspec install --sys-prefix' failed: " + result.out().strip());
            }
            Path installed = Path.of(m.group(1).strip());
            FileTrees.delete(installed);
            return installed.getParent();
        } finally {
            FileTrees.deleteQuietly(probe);
        }
    }

    private static final Pattern INSTALLED = Pattern.compile("Installed kernelspec \\S+ in (.+)");

    /**
     * The folder of an installed kernelspec, searched where Jupyter searches: $JUPYTER_PATH, the user's data
     * folder, the active conda environment, then the system folders.
     */
    public static java.util.Optional<Path> findKernelspec(String name) {
        java.util.List<Path> roots = new java.util.ArrayList<>();
        String jupyterPath = System.getenv("JUPYTER_PATH");
        if (jupyterPath != null) {
            for (String entry : jupyterPath.split(java.io.File.pathSeparator)) if (!entry.isBlank()) roots.add(Path.of(entry));
        }
        roots.add(userDataDir());
        String conda = System.getenv("CONDA_PREFIX");
        if (conda != null && !conda.isBlank()) roots.add(Path.of(conda, "share", "jupyter"));
        roots.add(Path.of("/usr/local/share/jupyter"));
        roots.add(Path.of("/usr/share/jupyter"));
        return roots.stream().map(r -> r.resolve("kernels").resolve(name))
                .filter(d -> java.nio.file.Files.isRegularFile(d.resolve("kernel.json"))).findFirst();
    }

    /** Jupyter's per-user data folder: $JUPYTER_DATA_DIR, else the platform's default. */
    public static Path userDataDir() {
        String explicit = System.getenv("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac")) return Path.of(home, "Library", "Jupyter");
        if (os.contains("win")) return Path.of(System.getenv().getOrDefault("APPDATA", home), "jupyter");
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jupyter") : Path.of(home, ".local", "share", "jupyter");
    }
}
