package racecourse.kernel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racecourse kernel install}: installs the Java 25 (Racecourse) kernelspec for Jupyter. */
@Command(name = "kernel", description = "Manage the Java 25 (Racecourse) Jupyter kernel.",
        subcommands = KernelCommand.Install.class, mixinStandardHelpOptions = true)
public final class KernelCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("usage: racecourse kernel install [--user | --sys-prefix | --prefix DIR] [--no-aot]");
        return 2;
    }

    /** Installs the kernelspec. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install the kernelspec 'racecourse' (default: for this user).")
    public static final class Install implements Callable<Integer> {
        @Option(names = "--user", description = "Install for this user (the default).")
        boolean user;

        @Option(names = "--sys-prefix", description = "Install into the active conda environment ($CONDA_PREFIX).")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Install under DIR/share/jupyter/kernels.")
        Path prefix;

        @Option(names = "--no-aot", description = "Skip the ahead-of-time cache that speeds up start-up.")
        boolean noAot;

        @Override
        public Integer call() throws Exception {
            Path kernels = JupyterPaths.kernelsDir(user, sysPrefix, prefix);
            KernelInstaller installer = KernelInstaller.forThisBuild();
            long start = System.nanoTime();
            Path dir = installer.install(kernels, !noAot);
            System.out.printf("Installed kernel 'racecourse' (Java 25 (Racecourse)) in %s (%.1f s)%n", dir,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
