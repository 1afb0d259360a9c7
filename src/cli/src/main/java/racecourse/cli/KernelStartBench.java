package racecourse.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code racecourse bench kernel}: time from launching a kernel to its first cell's result, for the Racecourse
 * kernel and for Debian's ipykernel, alternating in one run; prints the medians and every run.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Kernel start-up: launch to first result, racecourse versus ipykernel (python3).")
public final class KernelStartBench implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "7", description = "Runs per kernel (default 7).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        var python = KernelProbe.python().orElseThrow(() -> new IllegalStateException("Jupyter is not installed"));
        String json = KernelProbe.run(python, List.of("startup", Integer.toString(rounds), "racecourse", "python3"),
                Duration.ofSeconds(60L + 30L * rounds));
        System.out.println("Kernel start-up, launch to first cell result (seconds), " + rounds + " rounds alternating:");
        System.out.println(json);
        return json.contains("\"error\"") ? 1 : 0;
    }
}
