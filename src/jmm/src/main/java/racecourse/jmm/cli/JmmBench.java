package racecourse.jmm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import racecourse.jmm.Calculator;
import racecourse.jmm.Catalogue;
import racecourse.jmm.Litmus;
import racecourse.jmm.TsoMachine;

/**
 * {@code racecourse bench jmm}: how long the calculator takes for every catalogue test and a 3-thread by
 * 3-access test (the goal is under 100 ms each), printed as figures, never asserted. Not thread-safe (one
 * command object per invocation).
 */
@Command(name = "jmm", mixinStandardHelpOptions = true,
        description = "Times the allowed-outcome calculator on every catalogue test and a 3-thread x 3-access test.")
public final class JmmBench implements Callable<Integer> {
    /** The goal for one test's full verdicts, in milliseconds. */
    static final double GOAL_MS = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--repeat", defaultValue = "15", description = "Timed runs per test (default: ${DEFAULT-VALUE}).")
    int repeat;

    /** A test with 3 threads of 3 accesses each over three variables. */
    static Litmus threeByThree() {
        return Litmus.parse("""
                test 3x3
                A: x = 1; r0 = y; z = 1
                B: y = 1; r1 = z; x = 2
                C: z = 2; r2 = x; y = 2
                exists r0 = 0 && r1 = 0 && r2 = 0""");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (repeat < 1) {
            spec.commandLine().getErr().println("--repeat must be at least 1");
            return 2;
        }
        List<Litmus> tests = new ArrayList<>(Catalogue.all());
        tests.add(threeByThree());
        out.printf(Locale.ROOT, "allowed-outcome calculator: verdicts of SC, x86-TSO, ARMv8 and Java with explanations;"
                + " median and worst of %d runs after 3 warm-up runs; %d cores; load average %.2f%n", repeat,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "%-14s %11s %12s %11s %14s  %s%n", "test", "candidates", "median ms", "worst ms", "TSO machine ms", "goal < 100 ms");
        int met = 0;
        for (Litmus t : tests) {
            for (int i = 0; i < 3; i++) Calculator.verdicts(t);
            double[] ms = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                Calculator.verdicts(t);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            long startTso = System.nanoTime();
            new TsoMachine(t).outcomes();
            double tso = (System.nanoTime() - startTso) / 1e6;
            java.util.Arrays.sort(ms);
            double median = ms[ms.length / 2];
            boolean ok = median < GOAL_MS;
            if (ok) met++;
            out.printf(Locale.ROOT, "%-14s %,11d %12.2f %11.2f %14.2f  %s%n", t.name(), Calculator.analyse(t).candidates(),
                    median, ms[ms.length - 1], tso, ok ? "met" : "MISSED");
        }
        out.printf(Locale.ROOT, "goal met (median) for %d of %d tests%n", met, tests.size());
        out.flush();
        return 0;
    }
}
