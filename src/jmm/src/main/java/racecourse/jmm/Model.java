package racecourse.jmm;

/**
 * The memory models the calculator knows. The hardware models read a Java test through HotSpot's mapping of
 * access modes to instructions. Immutable; thread-safe.
 */
public enum Model {
    /** Sequential consistency: some interleaving of the threads explains every read. */
    SC("SC", "sequential consistency", new ScAxioms(), true),
    /** x86-TSO; a volatile store is a store plus a locked instruction (a full fence), other accesses are plain. */
    X86_TSO("x86-TSO", "x86-TSO hardware (HotSpot mapping: volatile store = store + locked instruction)", new TsoAxioms(), true),
    /** ARMv8 user-level, no dependencies; volatile and release/acquire map to STLR/LDAR, opaque and plain to STR/LDR. */
    ARMV8("ARMv8", "ARMv8 hardware (HotSpot mapping: volatile and release/acquire = STLR/LDAR)", new ArmAxioms(), true),
    /** The Java access modes as written in the test (plain, opaque, release/acquire, volatile). */
    JAVA("Java", "the Java memory model, access modes as written", new JavaAxioms(false), false);

    private final String title;
    private final String description;
    final Axioms axioms;
    /** Whether the model makes every access coherent, so candidates can be filtered per variable first. */
    final boolean fullyCoherent;

    Model(String title, String description, Axioms axioms, boolean fullyCoherent) {
        this.title = title;
        this.description = description;
        this.axioms = axioms;
        this.fullyCoherent = fullyCoherent;
    }

    /** The short name shown in tables. */
    public String title() {
        return title;
    }

    /** One line on the model and the mapping it uses. */
    public String description() {
        return description;
    }
}
