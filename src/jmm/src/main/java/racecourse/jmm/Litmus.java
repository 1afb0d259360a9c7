package racecourse.jmm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A litmus test: two to four threads of stores, loads and fences over shared variables that start at 0, and
 * the outcome it asks about. Build one with {@link #builder}, read one with {@link #parse}, or take a classic one
 * from the catalogue ({@link #sb()}, {@link #named}). Immutable; thread-safe.
 *
 * <pre>{@code
 * Litmus sb = Litmus.builder("SB")
 *     .thread(t -> t.store("x", 1).load("r0", "y"))
 *     .thread(t -> t.store("y", 1).load("r1", "x"))
 *     .exists("r0=0 && r1=0")
 *     .build();
 * sb.verdicts();
 * }</pre>
 */
public final class Litmus {
    /** Most threads a test may have. */
    public static final int MAX_THREADS = 4;
    /** Most operations one thread may have. */
    public static final int MAX_OPS = 6;
    private static final Pattern REGISTER = Pattern.compile("r\\d+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final String description;
    private final List<String> threadNames;
    private final List<List<Op>> threads;
    private final Condition condition;

    private Litmus(String name, String description, List<String> threadNames, List<List<Op>> threads,
                   Condition condition) {
        this.name = name;
        this.description = description;
        this.threadNames = List.copyOf(threadNames);
        List<List<Op>> copy = new ArrayList<>();
        for (List<Op> t : threads) copy.add(List.copyOf(t));
        this.threads = List.copyOf(copy);
        this.condition = condition;
        validate();
    }

    /** Starts a test with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Reads a test in the text format (see {@link LitmusFormat}). */
    public static Litmus parse(String text) {
        return LitmusFormat.parse(text);
    }

    /** A classic test by name (SB, MP, LB, IRIW, 2+2W, CoRR, WRC, R, S and their fenced variants), any case. */
    public static Litmus named(String name) {
        return Catalogue.named(name);
    }

    /** Store buffering: each thread writes one variable and reads the other; can both read 0? */
    public static Litmus sb() {
        return Catalogue.named("SB");
    }

    /** Message passing: data then flag; can the reader see the flag but not the data? */
    public static Litmus mp() {
        return Catalogue.named("MP");
    }

    /** Load buffering: each thread reads, then writes what the other reads; can both read 1? */
    public static Litmus lb() {
        return Catalogue.named("LB");
    }

    /** Independent reads of independent writes: can two readers disagree on the order of two writes? */
    public static Litmus iriw() {
        return Catalogue.named("IRIW");
    }

    /** Every classic test of the catalogue, in the course's order. */
    public static List<Litmus> catalogue() {
        return Catalogue.classics();
    }

    static boolean isRegister(String name) {
        return REGISTER.matcher(name).matches();
    }

    /** The test's name, e.g. {@code SB} or {@code MP (volatile)}. */
    public String name() {
        return name;
    }

    /** One sentence on what the test asks (may be empty). */
    public String description() {
        return description;
    }

    /** The threads' names, A, B, ... unless given. */
    public List<String> threadNames() {
        return threadNames;
    }

    /** Each thread's operations in program order. */
    public List<List<Op>> threads() {
        return threads;
    }

    /** The outcome this test asks about. */
    public Condition condition() {
        return condition;
    }

    /** The shared variables, in order of first mention. */
    public List<String> variables() {
        Set<String> vars = new LinkedHashSet<>();
        for (List<Op> t : threads) {
            for (Op op : t) {
                switch (op) {
                    case Op.Store s -> vars.add(s.var());
                    case Op.Load l -> vars.add(l.var());
                    case Op.Fence f -> { }
                }
            }
        }
        return List.copyOf(vars);
    }

    /** The registers, in program order. */
    public List<String> registers() {
        List<String> regs = new ArrayList<>();
        for (List<Op> t : threads) for (Op op : t) if (op instanceof Op.Load l) regs.add(l.reg());
        return regs;
    }

    /** Whether any access is plain (the Java model then assumes no coherence for it). */
    public boolean hasPlainAccess() {
        for (List<Op> t : threads) {
            for (Op op : t) {
                if (op instanceof Op.Store s && s.mode() == Mode.PLAIN) return true;
                if (op instanceof Op.Load l && l.mode() == Mode.PLAIN) return true;
            }
        }
        return false;
    }

    /**
     * The same test with every access in one mode; for {@code RELEASE} or {@code ACQUIRE} stores become
     * release and loads acquire. Fences stay.
     */
    public Litmus withMode(Mode mode) {
        List<List<Op>> out = new ArrayList<>();
        for (List<Op> t : threads) {
            List<Op> ops = new ArrayList<>();
            for (Op op : t) {
                ops.add(switch (op) {
                    case Op.Store s -> new Op.Store(s.var(), s.value(), mode == Mode.ACQUIRE ? Mode.RELEASE : mode);
                    case Op.Load l -> new Op.Load(l.reg(), l.var(), mode == Mode.RELEASE ? Mode.ACQUIRE : mode);
                    case Op.Fence f -> f;
                });
            }
            out.add(ops);
        }
        String suffix = switch (mode) {
            case PLAIN -> "plain";
            case OPAQUE -> "opaque";
            case RELEASE, ACQUIRE -> "rel/acq";
            case VOLATILE -> "volatile";
        };
        return new Litmus(name + " (" + suffix + ")", description, threadNames, out, condition);
    }

    /** The same test asking about another outcome. */
    public Litmus withCondition(String condition) {
        return new Litmus(name, description, threadNames, threads, Condition.parse(condition));
    }

    /** What each model (SC, x86-TSO, ARMv8, Java) says about this test's outcome, with explanations. */
    public Verdicts verdicts() {
        return Calculator.verdicts(this);
    }

    /** Every outcome a model allows. */
    public Set<Outcome> allowed(Model model) {
        return Calculator.analyse(this).allowed(model);
    }

    /**
     * Observed counts beside each model's verdict, one row per outcome; ids are jcstress's ({@code "1, 0"}), read
     * as this test's registers in order. Pass it to a stress result's {@code beside} to show it next to the
     * histogram.
     */
    public ObservedVerdicts judge(java.util.Map<String, Long> counts) {
        return ObservedVerdicts.of(this, counts);
    }

    /** This test in the text format, which {@link #parse} reads back. */
    public String text() {
        return LitmusFormat.format(this);
    }

    @Override
    public String toString() {
        return text();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Litmus l && l.name.equals(name) && l.threads.equals(threads)
                && l.threadNames.equals(threadNames) && l.condition.equals(condition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, threads, condition);
    }

    private void validate() {
        if (threads.isEmpty() || threads.size() > MAX_THREADS) {
            throw new IllegalArgumentException(name + ": a test needs 1 to " + MAX_THREADS + " threads, not " + threads.size());
        }
        Set<String> regs = new LinkedHashSet<>();
        Set<String> vars = new LinkedHashSet<>(variables());
        for (int i = 0; i < threads.size(); i++) {
            List<Op> t = threads.get(i);
            if (t.isEmpty() || t.size() > MAX_OPS) {
                throw new IllegalArgumentException(name + ": thread " + threadNames.get(i) + " needs 1 to " + MAX_OPS
                        + " operations, not " + t.size());
            }
            for (Op op : t) {
                if (op instanceof Op.Load l) {
                    if (!isRegister(l.reg())) throw new IllegalArgumentException(name + ": '" + l.reg()
                            + "' is not a register name (use r0, r1, ...)");
                    if (!regs.add(l.reg())) throw new IllegalArgumentException(name + ": register " + l.reg()
                            + " is loaded twice (each load needs its own register)");
                }
            }
        }
        for (String v : vars) {
            if (isRegister(v) || !NAME.matcher(v).matches()) {
                throw new IllegalArgumentException(name + ": '" + v + "' cannot name a shared variable (r0, r1, ... are registers)");
            }
        }
        if (vars.size() > 6) throw new IllegalArgumentException(name + ": at most 6 shared variables");
        if (condition == null) throw new IllegalArgumentException(name + ": the test needs an 'exists' condition");
        for (Condition.Term term : condition.terms()) {
            if (!regs.contains(term.name()) && !vars.contains(term.name())) {
                throw new IllegalArgumentException(name + ": the condition names '" + term.name()
                        + "', which is neither a register nor a shared variable of the test");
            }
        }
        if (threadNames.size() != threads.size() || new LinkedHashSet<>(threadNames).size() != threadNames.size()) {
            throw new IllegalArgumentException(name + ": every thread needs its own name");
        }
    }

    /** Builds a test thread by thread. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private final List<String> threadNames = new ArrayList<>();
        private final List<List<Op>> threads = new ArrayList<>();
        private Condition condition;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** Sets a one-sentence description. */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text);
            return this;
        }

        /** Adds a thread named A, B, C or D in turn. */
        public Builder thread(UnaryOperator<ThreadBuilder> body) {
            return thread(String.valueOf((char) ('A' + threads.size())), body);
        }

        /** Adds a named thread. */
        public Builder thread(String threadName, UnaryOperator<ThreadBuilder> body) {
            ThreadBuilder t = new ThreadBuilder();
            body.apply(t);
            threadNames.add(threadName);
            threads.add(t.ops);
            return this;
        }

        /** The outcome to ask about, e.g. {@code "r0=0 && r1=0"} or {@code "x=1 && y=1"} (final values). */
        public Builder exists(String condition) {
            this.condition = Condition.parse(condition);
            return this;
        }

        /** The finished, checked test. */
        public Litmus build() {
            return new Litmus(name, description, threadNames, threads, condition);
        }
    }

    /** Adds one thread's operations in program order. Not thread-safe. */
    public static final class ThreadBuilder {
        private final List<Op> ops = new ArrayList<>();

        private ThreadBuilder() {
        }

        /** A plain store of a constant. */
        public ThreadBuilder store(String var, int value) {
            return store(var, value, Mode.PLAIN);
        }

        /** A store of a constant with an access mode (plain, opaque, release or volatile). */
        public ThreadBuilder store(String var, int value, Mode mode) {
            ops.add(new Op.Store(var, value, mode));
            return this;
        }

        /** A plain load: {@code reg = var}. */
        public ThreadBuilder load(String reg, String var) {
            return load(reg, var, Mode.PLAIN);
        }

        /** A load with an access mode (plain, opaque, acquire or volatile): {@code reg = var}. */
        public ThreadBuilder load(String reg, String var, Mode mode) {
            ops.add(new Op.Load(reg, var, mode));
            return this;
        }

        /** A full fence. */
        public ThreadBuilder fence() {
            ops.add(new Op.Fence());
            return this;
        }
    }
}
