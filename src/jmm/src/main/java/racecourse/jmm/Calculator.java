package racecourse.jmm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The axiomatic engine: enumerates candidate executions of a test once, checks each model's axioms on them, and
 * explains forbidden outcomes with the shortest cycle it finds. Thread-safe (stateless).
 */
public final class Calculator {
    private static final JavaAxioms JAVA_STRICT = new JavaAxioms(true);

    private Calculator() {
    }

    /** Every outcome each model allows. */
    public static Analysis analyse(Litmus test) {
        Program p = new Program(test);
        Candidates candidates = new Candidates(p);
        Map<Model, Set<Outcome>> allowed = new EnumMap<>(Model.class);
        for (Model m : Model.values()) allowed.put(m, new LinkedHashSet<>());
        long[] checked = {0};
        checked[0] += candidates.forEach(Candidates.Choice::coherent, x -> {
            Outcome o = null;
            for (Model m : Model.values()) {
                if (!m.fullyCoherent) continue;
                if (m.axioms.check(x, false) == null) {
                    if (o == null) o = x.outcome();
                    allowed.get(m).add(o);
                }
            }
        });
        Set<Outcome> javaBase = new LinkedHashSet<>();
        Set<Outcome> javaStrict = new LinkedHashSet<>();
        checked[0] += candidates.forEach(Candidates.Choice::javaCoherent, x -> {
            if (Model.JAVA.axioms.check(x, false) == null) {
                Outcome o = x.outcome();
                javaBase.add(o);
                if (JAVA_STRICT.check(x, false) == null) javaStrict.add(o);
            }
        });
        allowed.put(Model.JAVA, javaStrict);
        Set<Outcome> contested = new LinkedHashSet<>(javaBase);
        contested.removeAll(javaStrict);
        return new Analysis(test, allowed, contested, checked[0]);
    }

    /** Each model's verdict on the test's condition, explained when forbidden or contested. */
    public static Verdicts verdicts(Litmus test) {
        Analysis a = analyse(test);
        Program p = new Program(test);
        List<ModelVerdict> rows = new ArrayList<>();
        for (Model m : Model.values()) {
            Verdict v = a.verdict(m);
            Explanation why = switch (v) {
                case ALLOWED -> null;
                case FORBIDDEN -> explain(p, test.condition(), m.axioms, null);
                case CONTESTED -> contested(p, test.condition());
            };
            rows.add(new ModelVerdict(m, v, why, note(test, m)));
        }
        return new Verdicts(test, rows, a);
    }

    private static String note(Litmus test, Model m) {
        return switch (m) {
            case SC -> "";
            case X86_TSO, ARMV8 -> {
                String jit = test.hasPlainAccess()
                        ? "the hardware verdict assumes the JIT keeps plain accesses in program order, which it need not"
                        : "";
                if (m == Model.ARMV8 && hasAcquireLoad(test)) {
                    jit += (jit.isEmpty() ? "" : "; ") + "assumes getAcquire compiles to LDAR: LDAPR (RCpc) would let a"
                            + " release store and a later acquire load pass each other (check -XX:+PrintAssembly)";
                }
                yield jit;
            }
            case JAVA -> test.hasPlainAccess()
                    ? "plain accesses are not coherent in this model: a thread may read an older value after a newer one"
                    : "";
        };
    }

    private static boolean hasAcquireLoad(Litmus test) {
        for (List<Op> t : test.threads()) {
            for (Op op : t) if (op instanceof Op.Load l && l.mode() == Mode.ACQUIRE) return true;
        }
        return false;
    }

    /**
     * The shortest cycle among the executions with the condition's outcome that break the axioms; when
     * {@code consistentWith} is given, only executions it accepts are considered.
     */
    private static Explanation explain(Program p, Condition condition, Axioms axioms, Axioms consistentWith) {
        Candidates candidates = new Candidates(p);
        Violation[] best = {null};
        int[] executions = {0};
        candidates.forEach(Candidates.matching(p, condition), x -> {
            if (!condition.matches(x.outcome())) return;
            if (consistentWith != null && consistentWith.check(x, false) != null) return;
            Violation v = axioms.check(x, true);
            if (v == null) return;
            executions[0]++;
            best[0] = Violation.shorter(best[0], v);
        });
        if (best[0] == null) {
            return new Explanation("", "", List.of(), "No choice of reads-from and coherence order gives this outcome: no store writes those values.");
        }
        String lead = executions[0] == 1 ? "The only execution with this outcome"
                : "Each of the " + executions[0] + " executions with this outcome breaks an axiom; the clearest";
        return Explanation.of(p, best[0], lead);
    }

    private static Explanation contested(Program p, Condition condition) {
        Explanation e = explain(p, condition, JAVA_STRICT, Model.JAVA.axioms);
        return new Explanation(e.axiom(), e.rule() + "; C11-style relaxed semantics allow this cycle, Bender and Palsberg's"
                + " formal model of the access modes (OOPSLA 2019) forbids it", e.steps(),
                "Contested: allowed unless opaque accesses may not form a load-buffering cycle. The execution");
    }
}
