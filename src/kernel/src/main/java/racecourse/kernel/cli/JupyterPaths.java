package racecourse.kernel.cli;

import java.nio.file.Path;

/** Where Jupyter looks for kernelspecs, following Jupyter's own rules for user, conda and prefix installs. */
public final class JupyterPaths {
    private JupyterPaths() {
    }

    /** The kernels folder for a user, conda ({@code --sys-prefix}) or {@code --prefix} install. */
    public static Path kernelsDir(boolean user, boolean sysPrefix, Path prefix) {
        int chosen = (user ? 1 : 0) + (sysPrefix ? 1 : 0) + (prefix != null ? 1 : 0);
        if (chosen > 1) throw new IllegalArgumentException("choose one of --user, --sys-prefix and --prefix");
        if (prefix != null) return prefix.toAbsolutePath().resolve("share/jupyter/kernels");
        if (sysPrefix) {
            String conda = System.getenv("CONDA_PREFIX");
            if (conda == null || conda.isBlank()) {
                throw new IllegalArgumentException("--sys-prefix needs an active conda environment (CONDA_PREFIX is not set)");
            }
            return Path.of(conda, "share", "jupyter", "kernels");
        }
        return userDataDir().resolve("kernels");
    }

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
