package racecourse.jmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import racecourse.jmm.Catalogue;
import racecourse.jmm.Litmus;
import racecourse.jmm.TsoMachine;
import racecourse.jmm.TsoWitness;
import racecourse.jmm.VerdictGrid;
import racecourse.jmm.Verdicts;

/**
 * {@code racecourse jmm}: which outcomes SC, x86-TSO, ARMv8 and the Java access modes allow for named catalogue
 * tests or test files; with no test, the grid of the classic tests. Exit status 0, 2 for an unknown test or a
 * file that does not parse, 70 for an internal error. Not thread-safe (one command object per invocation).
 */
@Command(name = "jmm", mixinStandardHelpOptions = true,
        description = "Prints which outcomes each memory model allows for litmus tests, with the cycle that forbids the rest.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:verdicts printed", "2:unknown test name or a test file that does not parse", "70:internal error"})
public final class JmmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A test in the text format (see docs/memory-model.md); repeatable.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Option(names = "--modes", description = "Also show the Java model with every access plain, opaque, release/acquire and volatile.")
    boolean modes;

    @Option(names = "--witness", description = "Also print a run of the x86-TSO store-buffer machine that reaches the outcome.")
    boolean witness;

    @Option(names = "--list", description = "List the catalogue's test names and stop.")
    boolean list;

    @Parameters(paramLabel = "TEST", arity = "0..*", description = "Catalogue tests by name (SB, MP, LB, IRIW, 2+2W, CoRR, WRC, R, S, ...).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            Catalogue.names().forEach(out::println);
            out.flush();
            return 0;
        }
        List<Litmus> tests = new ArrayList<>();
        try {
            for (String name : names) tests.add(Catalogue.named(name));
            for (Path file : files) tests.add(Litmus.parse(Files.readString(file)));
        } catch (IllegalArgumentException | IOException e) {
            err.println("racecourse jmm: " + (e instanceof IOException ? "cannot read " : "") + e.getMessage());
            err.flush();
            return 2;
        }
        try {
            if (tests.isEmpty()) {
                VerdictGrid grid = VerdictGrid.classics();
                out.println(json ? JsonReport.grid(grid) : grid.text());
            } else if (json) {
                out.println(JsonReport.verdicts(tests.stream().map(Litmus::verdicts).toList()));
            } else {
                for (Litmus t : tests) print(out, t);
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("racecourse jmm: internal error: " + e);
            e.printStackTrace(err);
            err.flush();
            return 70;
        }
    }

    private void print(PrintWriter out, Litmus t) {
        Verdicts v = t.verdicts();
        out.println(v.text());
        if (modes) out.println(VerdictGrid.of(List.of(t)).text());
        if (witness) {
            TsoWitness w = new TsoMachine(t).witness();
            out.println(w == null ? "No run of the x86-TSO store-buffer machine reaches " + t.condition() + "." : w.text());
        }
    }
}
