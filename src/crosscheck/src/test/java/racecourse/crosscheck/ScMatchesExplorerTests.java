package racecourse.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import racecourse.explore.Explore;
import racecourse.explore.ExploreOptions;
import racecourse.explore.report.ExploreResult;
import racecourse.jmm.Calculator;
import racecourse.jmm.Catalogue;
import racecourse.jmm.Litmus;
import racecourse.jmm.Model;
import racecourse.jmm.Op;
import racecourse.jmm.Outcome;

/**
 * For every litmus test of the calculator's catalogue, the outcomes its SC column allows are exactly the
 * outcomes the schedule explorer reaches when it runs the same program as real threads, one schedule per trace
 * (every Mazurkiewicz trace, so every reachable outcome).
 */
class ScMatchesExplorerTests {
    static Stream<String> tests() {
        return Catalogue.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void scColumnEqualsTheExploredOutcomes(String name) {
        Litmus test = Catalogue.named(name);
        Set<String> calculated = Calculator.analyse(test).allowed(Model.SC).stream().map(Outcome::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        ExploreResult explored = explorerProgram(test).explore(ExploreOptions.defaults());
        assertTrue(explored.complete(), explored::text);
        assertFalse(explored.failed(), explored::text);
        Set<String> reached = new TreeSet<>(explored.counts().keySet().stream()
                .map(ScMatchesExplorerTests::strip).toList());
        assertFalse(calculated.isEmpty(), "SC allows at least one outcome of " + name);
        assertEquals(calculated, reached, () -> test.text() + "\n" + explored.text());
    }

    /** The explorer labels a result "result X"; the calculator prints X. */
    private static String strip(String label) {
        return label.startsWith("result ") ? label.substring("result ".length()) : label;
    }

    /** The litmus test as threads over an array of variables and an array of registers. */
    static Explore<Machine> explorerProgram(Litmus test) {
        List<String> vars = test.variables().stream().sorted().toList();
        List<String> regs = test.registers().stream().sorted().toList();
        int nv = vars.size();
        int nr = regs.size();
        String names = String.join(",", regs) + "|" + String.join(",", vars);
        Explore<Machine> program = Explore.of(() -> new Machine(nv, nr)).after(m -> m.outcome(names));
        for (List<Op> thread : test.threads()) {
            List<String> code = new ArrayList<>();
            for (Op op : thread) {
                switch (op) {
                    case Op.Store s -> code.add("S" + vars.indexOf(s.var()) + "=" + s.value());
                    case Op.Load l -> code.add("L" + regs.indexOf(l.reg()) + "=" + vars.indexOf(l.var()));
                    case Op.Fence f -> code.add("F");
                }
            }
            String text = String.join(";", code);
            program.thread(m -> m.run(text));
        }
        return program;
    }

    /**
     * Shared variables and registers as arrays: every element access is a scheduling point for the explorer.
     * Not thread-safe (the explorer runs one thread at a time).
     */
    public static final class Machine {
        final int[] vars;
        final int[] regs;

        Machine(int variables, int registers) {
            vars = new int[variables];
            regs = new int[registers];
        }

        /** Runs one thread's code: {@code S<var>=<value>}, {@code L<reg>=<var>} or {@code F}, joined by ';'. */
        void run(String code) {
            for (String op : code.split(";")) {
                if (op.equals("F")) continue; // under sequential consistency a fence changes nothing
                int eq = op.indexOf('=');
                int left = Integer.parseInt(op.substring(1, eq));
                int right = Integer.parseInt(op.substring(eq + 1));
                if (op.charAt(0) == 'S') vars[left] = right;
                else regs[left] = vars[right];
            }
        }

        /** The outcome in the calculator's format: {@code r0=0 r1=1 | x=1 y=1}. */
        String outcome(String names) {
            String[] parts = names.split("\\|", -1);
            String[] r = parts[0].isEmpty() ? new String[0] : parts[0].split(",");
            String[] v = parts[1].isEmpty() ? new String[0] : parts[1].split(",");
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < r.length; i++) out.append(i == 0 ? "" : " ").append(r[i]).append('=').append(regs[i]);
            if (v.length > 0) out.append(out.isEmpty() ? "" : " | ");
            for (int i = 0; i < v.length; i++) out.append(i == 0 ? "" : " ").append(v[i]).append('=').append(vars[i]);
            return out.toString();
        }
    }
}
