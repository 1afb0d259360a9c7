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
import racecourse.measure.RatioInterval;

/**
 * {@code racecourse bench kernel}: time from launching a kernel to its first cell's result, for the Racecourse
 * kernel and for Debian's ipykernel, in rounds of one start each; prints the medians, every run, and the ratio taken
 * round by round with its 95% interval and verdict against the goal of being no slower. Not thread-safe (one
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

    private static double[] runs(Map<String, Object> figures, String kernel) {
        return ((java.util.List<?>) ((Map<?, ?>) figures.get(kernel)).get("runs")).stream()
                .mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

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
            StringBuilder each = new StringBuilder();
            for (double x : runs(figures, kernel)) {
                each.append(each.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2f", x));
            }
            System.out.printf(java.util.Locale.ROOT, "  %-10s median %.2f  runs %s%n", kernel,
                    ((Number) f.get("median")).doubleValue(), each);
        }
        // each round runs both kernels, one after the other: the ratio is taken round by round, so that the machine's
        // speed drifting between rounds does not widen the interval
        RatioInterval r = RatioInterval.paired(runs(figures, KERNELS.get(0)), runs(figures, KERNELS.get(1)));
        String verdict = switch (r.atMost(1.0)) {
            case MET -> "no slower (goal met)";
            case NOT_MET -> "slower (goal not met)";
            case INCONCLUSIVE -> r.bounded() ? "inconclusive: the interval straddles 1×; rerun on a quiet machine"
                    : "inconclusive: too few rounds for an interval (use --rounds 6 or more)";
        };
        System.out.println("  racecourse against ipykernel: " + r.words() + ": " + verdict);
        return ExitCodes.OK;
    }
}
