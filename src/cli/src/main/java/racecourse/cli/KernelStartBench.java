package racecourse.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racecourse.commandline.ExitCodes;
import racecourse.json.Json;

/**
 * {@code racecourse bench kernel}: time from launching a kernel to its first cell's result, for the Racecourse
 * kernel and for Debian's ipykernel, alternating in one run; prints the medians and every run. Not thread-safe (one
 * command object per invocation).
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Kernel start-up: launch to first result, racecourse versus ipykernel (python3).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:figures printed", "1:a kernel did not start or run its first cell", ExitCodes.LINE_USAGE,
            ExitCodes.LINE_CRASH})
public final class KernelStartBench implements Callable<Integer> {
    private static final List<String> KERNELS = List.of("racecourse", "python3");

    @Option(names = "--rounds", defaultValue = "7", description = "Runs per kernel (default 7).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            System.err.println("racecourse bench kernel: --rounds must be at least 1");
            return ExitCodes.USAGE;
        }
        var python = KernelProbe.python().orElseThrow(() -> new IllegalStateException("Jupyter is not installed"));
        String text;
        try {
            text = KernelProbe.run(python, List.of("startup", Integer.toString(rounds), KERNELS.get(0), KERNELS.get(1)),
                    Duration.ofSeconds(60L + 30L * rounds));
        } catch (IOException e) {
            System.err.println("racecourse bench kernel: " + e.getMessage());
            return ExitCodes.FOUND;
        }
        Map<String, Object> figures = Json.parseObject(text);
        System.out.println("Kernel start-up, launch to first cell result (seconds), " + rounds + " rounds alternating:");
        for (String kernel : KERNELS) {
            Map<?, ?> f = (Map<?, ?>) figures.get(kernel);
            System.out.printf("  %-10s median %.2f  runs %s%n", kernel, ((Number) f.get("median")).doubleValue(),
                    f.get("runs"));
        }
        return ExitCodes.OK;
    }
}
