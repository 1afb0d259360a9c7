package racecourse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import racecourse.process.ProcessResult;
import racecourse.process.ProcessRunner;

/**
 * Runs {@code kernel_probe.py} with the Python that runs Jupyter, to start kernels and run cells in them.
 * Thread-safe (static methods only).
 */
final class KernelProbe {
    private KernelProbe() {
    }

    /** The Python that runs Jupyter: the interpreter of the {@code jupyter} script. */
    static Optional<Path> python() {
        return Tools.find("jupyter").flatMap(Tools::interpreterOf);
    }

    /** As {@link #run(Path, List, Duration)}, with two minutes to finish. */
    static String run(Path python, List<String> args) throws IOException {
        return run(python, args, Duration.ofMinutes(2));
    }

    /**
     * Runs the probe with arguments and returns its standard output; throws with its error output when it fails or
     * takes longer than {@code timeout} (its whole process tree is then killed).
     */
    static String run(Path python, List<String> args, Duration timeout) throws IOException {
        Path script = Files.createTempFile("racecourse-probe", ".py");
        try (InputStream in = KernelProbe.class.getResourceAsStream("kernel_probe.py")) {
            Files.write(script, in.readAllBytes());
            List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
            command.addAll(args);
            ProcessResult r = ProcessRunner.of(command).environment("PYDEVD_DISABLE_FILE_VALIDATION", "1")
                    .timeout(timeout).run();
            if (r.timedOut()) {
                throw new IOException("kernel probe did not finish within " + timeout.toSeconds() + " s: " + r.out() + r.err());
            }
            if (r.exitCode() != 0) throw new IOException("kernel probe failed (" + r.exitCode() + "): " + r.out() + r.err());
            return r.out().strip();
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
