package racecourse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import racecourse.kernel.cli.KernelInstaller;

/**
 * {@code racecourse doctor}: checks Java, Jupyter and the installed kernel, starts the kernel, runs one cell, and
 * says what is wrong and how to fix it. Exit status 0 when everything works.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the set-up: Java 25, Jupyter, the kernel, and one cell run in it.")
public final class DoctorCommand implements Callable<Integer> {
    private int problems;

    @Override
    public Integer call() throws Exception {
        int feature = Runtime.version().feature();
        check(feature >= 25, "Java " + Runtime.version() + " at " + System.getProperty("java.home"),
                "Racecourse needs JDK 25: install one and set JAVA_HOME to it");
        Optional<Path> jupyter = Tools.find("jupyter");
        check(jupyter.isPresent(), "Jupyter at " + jupyter.map(Path::toString).orElse("?"),
                "install Jupyter: sudo apt-get install --no-install-recommends jupyter-notebook jupyter-nbconvert"
                        + " python3-nbclient (Debian/Ubuntu), or use environment.yml with conda");
        Optional<Path> python = KernelProbe.python();
        check(python.isPresent(), "Python for Jupyter at " + python.map(Path::toString).orElse("?"),
                "the 'jupyter' command names no Python interpreter on its first line; reinstall Jupyter");
        if (jupyter.isEmpty() || python.isEmpty()) return finish();
        Path spec = findKernelspec(python.get());
        check(spec != null, "kernelspec 'racecourse' at " + spec,
                "install it: bin/racecourse kernel install (or make lab)");
        if (spec == null) return finish();
        Optional<KernelInstaller.Installed> installed = KernelInstaller.installedAt(spec);
        check(installed.isPresent(), "kernel.json of " + spec + " is readable",
                "reinstall the kernel: bin/racecourse kernel install");
        if (installed.isEmpty()) return finish();
        Path java = installed.get().java();
        check(Files.isExecutable(java), "the kernel's java " + java + " (Java " + installed.get().javaVersion() + ")",
                "reinstall the kernel with a JDK 25 on JAVA_HOME: bin/racecourse kernel install");
        checkFreshness(installed.get());
        String outcome = KernelProbe.run(python.get(), List.of("cell", "racecourse", "Runtime.version().feature()"));
        boolean ran = outcome.contains("\"result\": \"25\"");
        check(ran, "kernel started and ran a cell: " + outcome,
                "the kernel did not answer; run 'bin/racecourse kernel install' again and see Jupyter's log");
        return finish();
    }

    /** Says when the installed kernel runs code older than the build in this checkout (it keeps working). */
    private void checkFreshness(KernelInstaller.Installed installed) {
        KernelInstaller build;
        try {
            build = KernelInstaller.forThisBuild();
        } catch (RuntimeException e) {
            return; // not run from a build: nothing to compare with
        }
        long built = build.buildStamp();
        boolean fresh = installed.buildStamp() >= built;
        check(fresh, "installed kernel " + installed.version() + " built " + stamp(installed.buildStamp())
                        + (fresh ? " is as new as the build" : " is older than the build of " + stamp(built)),
                "install the new build's kernel: bin/racecourse kernel install");
    }

    private static String stamp(long millis) {
        return millis == 0 ? "at an unknown time" : java.time.Instant.ofEpochMilli(millis).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private Path findKernelspec(Path python) throws Exception {
        String out = KernelProbe.run(python, List.of("spec", "racecourse"));
        return out.isBlank() || out.equals("None") ? null : Path.of(out);
    }

    private void check(boolean ok, String what, String fix) {
        if (ok) {
            System.out.println("  ok       " + what);
        } else {
            problems++;
            System.out.println("  PROBLEM  " + what);
            System.out.println("           fix: " + fix);
        }
    }

    private int finish() {
        System.out.println(problems == 0 ? "Everything works: open the course with 'make lab'."
                : problems + " problem(s) found; fix them and run 'bin/racecourse doctor' again.");
        return problems == 0 ? 0 : 1;
    }
}
