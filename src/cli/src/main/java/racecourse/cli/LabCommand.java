package racecourse.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.process.ProcessRunner;
import racecourse.kernel.cli.JupyterPaths;
import racecourse.kernel.cli.KernelInstaller;

/** {@code racecourse lab}: installs the kernel if needed and opens the course in Jupyter at the first lesson. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Open the course in Jupyter (JupyterLab if installed, else the classic Notebook).")
public final class LabCommand implements Callable<Integer> {
    @Option(names = "--no-browser", description = "Do not open a browser; print the address instead (for servers).")
    boolean noBrowser;

    @Option(names = "--port", description = "Port to listen on (default: Jupyter's, 8888 or the next free one).")
    Integer port;

    @Option(names = "--ip", description = "Address to listen on (default: localhost; 0.0.0.0 for every interface).")
    String ip;

    @Option(names = "--classic", description = "Use the classic Notebook even if JupyterLab is installed.")
    boolean classic;

    @Override
    public Integer call() throws Exception {
        Path root = Tools.courseRoot();
        Path first = root.resolve("notebooks/00-start-here.ipynb");
        Optional<Path> lab = classic ? Optional.empty() : Tools.find("jupyter-lab");
        Optional<Path> notebook = Tools.find("jupyter-notebook");
        if (lab.isEmpty() && notebook.isEmpty()) {
            System.err.println("""
                    racecourse lab: Jupyter is not installed. Install it with one of:
                      Debian/Ubuntu:  sudo apt-get install --no-install-recommends jupyter-notebook jupyter-nbconvert python3-nbclient
                      conda:          conda env create -f environment.yml && conda activate racecourse""");
            return 1;
        }
        Optional<Path> installed = JupyterPaths.findKernelspec(KernelInstaller.NAME);
        if (installed.isPresent()) {
            System.out.println("Kernel 'racecourse' found in " + installed.get());
        } else {
            System.out.println("Installing the kernel first (racecourse kernel install)...");
            KernelInstaller.forThisBuild().install(JupyterPaths.kernelsDir(false, false, null), true);
        }
        List<String> command = new ArrayList<>();
        command.add(lab.orElseGet(notebook::get).toString());
        command.add("--notebook-dir=" + root);
        if (noBrowser) command.add("--no-browser");
        if (port != null) command.add("--port=" + port);
        if (ip != null) command.add("--ip=" + ip);
        if ("root".equals(System.getProperty("user.name"))) command.add("--allow-root");
        command.add(lab.isPresent() ? first.toString() : root.relativize(first).toString());
        System.out.println("Starting " + String.join(" ", command));
        // Jupyter runs until the learner stops it (Ctrl-C reaches it directly); no timeout, nothing captured.
        return ProcessRunner.of(command).directory(root).inheritStdin().inheritOutput().killOnExit().run().exitCode();
    }
}
