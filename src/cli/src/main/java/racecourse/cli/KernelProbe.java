package racecourse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs {@code kernel_probe.py} with the Python that runs Jupyter, to start kernels and run cells in them. */
final class KernelProbe {
    private KernelProbe() {
    }

    /** The Python that runs Jupyter: the interpreter of the {@code jupyter} script. */
    static Optional<Path> python() {
        return Tools.find("jupyter").flatMap(Tools::interpreterOf);
    }

    /** Runs the probe with arguments and returns its standard output; throws with its error output on failure. */
    static String run(Path python, List<String> args) throws IOException, InterruptedException {
        Path script = Files.createTempFile("racecourse-probe", ".py");
        try (InputStream in = KernelProbe.class.getResourceAsStream("kernel_probe.py")) {
            Files.write(script, in.readAllBytes());
            List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            Path err = Files.createTempFile("racecourse-probe", ".err");
            Process p = builder.redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor();
            String errors = Files.readString(err);
            Files.deleteIfExists(err);
            if (status != 0) throw new IOException("kernel probe failed (" + status + "): " + out + errors);
            return out.strip();
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
