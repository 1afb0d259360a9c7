package racecourse.kernel.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.commandline.ExitCodes;

/** {@code racecourse kernel install|uninstall}: installs or removes the Java 25 (Racecourse) kernelspec. */
@Command(name = "kernel", description = "Manage the Java 25 (Racecourse) Jupyter kernel.",
        subcommands = {KernelCommand.Install.class, KernelCommand.Uninstall.class}, mixinStandardHelpOptions = true)
public final class KernelCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("usage: racecourse kernel install [--user | --sys-prefix | --prefix DIR] [--no-aot]");
        System.err.println("       racecourse kernel uninstall [--user | --sys-prefix | --prefix DIR]");
        return ExitCodes.USAGE;
    }

    /** Where a kernelspec goes: for this user (the default), Jupyter's sys.prefix, or under a prefix. Not thread-safe. */
    static final class Place {
        @Option(names = "--user", description = "For this user (the default).")
        boolean user;

        @Option(names = "--sys-prefix", description = "Into the environment of the Python that runs Jupyter (its sys.prefix).")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Under DIR/share/jupyter/kernels.")
        Path prefix;

        /** The kernels folder these options name. */
        static Path kernelsDir(Place place) throws java.io.IOException {
            return place == null ? JupyterPaths.kernelsDir(false, false, null)
                    : JupyterPaths.kernelsDir(place.user, place.sysPrefix, place.prefix);
        }
    }

    /** Installs the kernelspec with a copy of the kernel's jars, so that it outlives the build. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install the kernelspec 'racecourse' (default: for this user), with its own copy of the jars.")
    public static final class Install implements Callable<Integer> {
        @ArgGroup(exclusive = true)
        Place place;

        @Option(names = "--no-aot", description = "Skip the ahead-of-time cache that speeds up start-up.")
        boolean noAot;

        @Override
        public Integer call() throws Exception {
            Path kernels = Place.kernelsDir(place);
            KernelInstaller installer = KernelInstaller.forThisBuild();
            long start = System.nanoTime();
            Path dir = installer.install(kernels, !noAot);
            System.out.printf("Installed kernel 'racecourse' (Java 25 (Racecourse)) in %s (%.1f s)%n", dir,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    /** Removes the kernelspec and its copy of the jars. */
    @Command(name = "uninstall", mixinStandardHelpOptions = true,
            description = "Remove the kernelspec 'racecourse' (default: this user's).",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:removed",
                "2:no racecourse kernel there, or a kernel of that name that is not the course's", ExitCodes.LINE_CRASH})
    public static final class Uninstall implements Callable<Integer> {
        @ArgGroup(exclusive = true)
        Place place;

        @Override
        public Integer call() throws Exception {
            Path kernels = Place.kernelsDir(place);
            Optional<Path> removed;
            try {
                removed = KernelInstaller.uninstall(kernels);
            } catch (java.io.IOException e) {
                System.err.println("racecourse kernel uninstall: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (removed.isEmpty()) {
                System.err.println("racecourse kernel uninstall: no kernel 'racecourse' in " + kernels);
                return ExitCodes.USAGE;
            }
            System.out.println("Removed kernel 'racecourse' from " + removed.get());
            return 0;
        }
    }
}
