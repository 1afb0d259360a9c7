package racecourse.jmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per published verdict: the calculator must agree with herdtools7's catalogue for x86-64 and AArch64
 * and with the course's table of Java verdicts (docs/memory-model.md, whose sources are named in each row).
 */
class PublishedVerdictsTests {
    private static final String X86 = "herdtools7 catalogue/x86_64/kinds.txt";
    private static final String ARM = "herdtools7 catalogue/aarch64/tests/kinds.txt";
    private static final String ARM_GUIDE = "herdtools7 catalogue/aarch64-readers-guide/tests/kinds.txt";

    @ParameterizedTest(name = "{0} on x86-TSO: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            SB   | ALLOWED   | herdtools7 catalogue/x86_64/kinds.txt: SB Allow
            R    | ALLOWED   | herdtools7 catalogue/x86_64/kinds.txt: R Allow
            MP   | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: MP Forbid
            LB   | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: LB Forbid
            2+2W | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: 2+2W Forbid
            S    | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: S Forbid
            WRC  | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: WRC Forbid
            IRIW | FORBIDDEN | x86-TSO is multi-copy atomic and keeps loads in order (Owens, Sarkar, Sewell, TPHOLs 2009)
            CoRR | FORBIDDEN | coherence: x86tso.cat's uniproc axiom
            """)
    void x86(String test, Verdict expected, String source) {
        check(Catalogue.named(test), Model.X86_TSO, expected, source);
    }

    @ParameterizedTest(name = "{0} on ARMv8: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            SB         | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: SB Allowed
            MP         | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: MP Allowed
            LB         | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: LB Allowed
            2+2W       | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: 2+2W Allowed
            R          | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: R Allowed
            S          | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: S Allowed
            CoRR       | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: CoRR Forbidden
            MP+rel+acq | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: MP+rel+acq Forbidden
            IRIW       | ALLOWED   | herdtools7 catalogue/aarch64-readers-guide/tests/kinds.txt: IRIW Allowed
            WRC        | ALLOWED   | herdtools7 catalogue/aarch64-readers-guide/tests/kinds.txt: WRC Allowed
            """)
    void arm(String test, Verdict expected, String source) {
        check(Catalogue.named(test), Model.ARMV8, expected, source);
    }

    @ParameterizedTest(name = "{0}: SC {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SB   | FORBIDDEN | memory-model.md table, SC column (herdtools7 sc.cat)
            MP   | FORBIDDEN | memory-model.md table, SC column
            LB   | FORBIDDEN | memory-model.md table, SC column
            IRIW | FORBIDDEN | memory-model.md table, SC column
            2+2W | FORBIDDEN | memory-model.md table, SC column
            CoRR | FORBIDDEN | memory-model.md table, SC column
            WRC  | FORBIDDEN | memory-model.md table, SC column
            R    | FORBIDDEN | memory-model.md table, SC column
            S    | FORBIDDEN | memory-model.md table, SC column
            """)
    void sc(String test, Verdict expected, String source) {
        check(Catalogue.named(test), Model.SC, expected, source);
    }

    /** The Java columns: the same shape with every access in one mode. */
    @ParameterizedTest(name = "{0} with {1} accesses: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SB   | PLAIN    | ALLOWED   | jcstress BasicJMM_07_Consensus (plain 0, 0 seen on x86_64)
            SB   | OPAQUE   | ALLOWED   | Lea, Using JDK 9 Memory Order Modes: opaque gives no ordering between variables
            SB   | RELEASE  | ALLOWED   | Lea, Using JDK 9 Memory Order Modes: release/acquire is not sequentially consistent
            SB   | VOLATILE | FORBIDDEN | JLS 17.4.4 synchronization order; jcstress BasicJMM_07_Consensus volatile 0
            MP   | PLAIN    | ALLOWED   | jcstress BasicJMM_06_Causality (plain 1, 0 on x86_64 from the JIT)
            MP   | OPAQUE   | ALLOWED   | jcstress BasicJMM_06_Causality (opaque 1, 0 on AArch64)
            MP   | RELEASE  | FORBIDDEN | jcstress BasicJMM_06_Causality (release/acquire 0 on AArch64); JLS 17.4.5
            MP   | VOLATILE | FORBIDDEN | JLS 17.4.5 happens-before through a volatile write and read
            LB   | PLAIN    | ALLOWED   | JLS 17.4.8 (no out-of-thin-air values here: the stores are constants)
            LB   | OPAQUE   | CONTESTED | C11-style relaxed allows; Bender and Palsberg, OOPSLA 2019, forbid
            LB   | RELEASE  | FORBIDDEN | happens-before cycle through two synchronizes-with edges
            LB   | VOLATILE | FORBIDDEN | JLS 17.4.4 synchronization order
            IRIW | PLAIN    | ALLOWED   | memory-model.md table
            IRIW | OPAQUE   | ALLOWED   | jcstress AdvancedJMM_02_MultiCopyAtomic (opaque, PPC64/ARM64 144,597)
            IRIW | RELEASE  | ALLOWED   | Lea, Using JDK 9 Memory Order Modes; memory-model.md table
            IRIW | VOLATILE | FORBIDDEN | JLS 17.4.4 synchronization order is total
            2+2W | PLAIN    | ALLOWED   | memory-model.md table
            2+2W | OPAQUE   | ALLOWED   | memory-model.md table
            2+2W | RELEASE  | ALLOWED   | memory-model.md table (release/acquire allows 2+2W at the language level)
            2+2W | VOLATILE | FORBIDDEN | JLS 17.4.4 synchronization order is total
            CoRR | PLAIN    | ALLOWED   | jcstress sample: CoRR 1, 0 seen 6,376 times with plain fields
            CoRR | OPAQUE   | FORBIDDEN | Lea: opaque accesses are coherent per variable
            CoRR | RELEASE  | FORBIDDEN | release/acquire includes opaque's coherence
            CoRR | VOLATILE | FORBIDDEN | JLS 17.4.4 synchronization order
            WRC  | PLAIN    | ALLOWED   | memory-model.md table
            WRC  | OPAQUE   | ALLOWED   | memory-model.md table
            WRC  | RELEASE  | FORBIDDEN | happens-before is transitive (JLS 17.4.5)
            WRC  | VOLATILE | FORBIDDEN | JLS 17.4.5
            R    | PLAIN    | ALLOWED   | memory-model.md table
            R    | OPAQUE   | ALLOWED   | memory-model.md table
            R    | RELEASE  | ALLOWED   | memory-model.md table
            R    | VOLATILE | FORBIDDEN | JLS 17.4.4 synchronization order
            S    | PLAIN    | ALLOWED   | memory-model.md table
            S    | OPAQUE   | ALLOWED   | memory-model.md table
            S    | RELEASE  | FORBIDDEN | happens-before orders A's write x=2 before B's write x=1
            S    | VOLATILE | FORBIDDEN | JLS 17.4.4 synchronization order
            """)
    void java(String test, Mode mode, Verdict expected, String source) {
        check(Catalogue.named(test).withMode(mode), Model.JAVA, expected, source);
    }

    /** Fenced and one-sided variants from the herdtools7 catalogues. */
    @ParameterizedTest(name = "{0} on {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SB+mfences     | A: x = 1; fence; r0 = y % B: y = 1; fence; r1 = x % exists r0=0 && r1=0 | X86_TSO | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: SB+mfences Forbid
            SB+mfence+po   | A: x = 1; fence; r0 = y % B: y = 1; r1 = x % exists r0=0 && r1=0        | X86_TSO | ALLOWED   | herdtools7 catalogue/x86_64/kinds.txt: SB+mfence+po Allow
            R+po+mfence    | A: x = 1; y = 1 % B: y = 2; fence; r0 = x % exists y=2 && r0=0          | X86_TSO | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: R+po+mfence Forbid
            SB+rfi-pos     | A: x = 1; r0 = x; r1 = y % B: y = 1; r2 = y; r3 = x % exists r0=1 && r1=0 && r2=1 && r3=0 | X86_TSO | ALLOWED | herdtools7 catalogue/x86_64/kinds.txt: SB+rfi-pos Allow
            WWC            | A: x = 2 % B: r0 = x; y = 1 % C: r1 = y; x = 1 % exists x=2 && r0=2 && r1=1 | X86_TSO | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: WWC Forbid
            RWC            | A: x = 1 % B: r0 = x; r1 = y % C: y = 1; r2 = x % exists r0=1 && r1=0 && r2=0 | X86_TSO | ALLOWED | herdtools7 catalogue/x86_64/kinds.txt: RWC Allow
            RWC+po+mfence  | A: x = 1 % B: r0 = x; r1 = y % C: y = 1; fence; r2 = x % exists r0=1 && r1=0 && r2=0 | X86_TSO | FORBIDDEN | herdtools7 catalogue/x86_64/kinds.txt: RWC+po+mfence Forbid
            SB+dmb.sys     | A: x = 1; fence; r0 = y % B: y = 1; fence; r1 = x % exists r0=0 && r1=0 | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: SB+dmb.sys Forbidden
            SB+dmb.sy+po   | A: x = 1; fence; r0 = y % B: y = 1; r1 = x % exists r0=0 && r1=0        | ARMV8   | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: SB+dmb.sy+po Allowed
            MP+dmb.sys     | A: x = 1; fence; y = 1 % B: r0 = y; fence; r1 = x % exists r0=1 && r1=0 | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: MP+dmb.sys Forbidden
            MP+dmb.sy+po   | A: x = 1; fence; y = 1 % B: r0 = y; r1 = x % exists r0=1 && r1=0        | ARMV8   | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: MP+dmb.sy+po Allowed
            MP+po+dmb.sy   | A: x = 1; y = 1 % B: r0 = y; fence; r1 = x % exists r0=1 && r1=0        | ARMV8   | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: MP+po+dmb.sy Allowed
            LB+dmb.sys     | A: r0 = x; fence; y = 1 % B: r1 = y; fence; x = 1 % exists r0=1 && r1=1 | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: LB+dmb.sys Forbidden
            LB+dmb.sy+po   | A: r0 = x; fence; y = 1 % B: r1 = y; x = 1 % exists r0=1 && r1=1        | ARMV8   | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: LB+dmb.sy+po Allowed
            2+2W+dmb.sys   | A: x = 1; fence; y = 2 % B: y = 1; fence; x = 2 % exists x=1 && y=1     | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: 2+2W+dmb.sys Forbidden
            2+2W+dmb.sy+po | A: x = 1; fence; y = 2 % B: y = 1; x = 2 % exists x=1 && y=1            | ARMV8   | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: 2+2W+dmb.sy+po Allowed
            R+dmb.sys      | A: x = 1; fence; y = 1 % B: y = 2; fence; r0 = x % exists y=2 && r0=0   | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: R+dmb.sys Forbidden
            R+po+dmb.sy    | A: x = 1; y = 1 % B: y = 2; fence; r0 = x % exists y=2 && r0=0          | ARMV8   | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: R+po+dmb.sy Allowed
            S+dmb.sys      | A: x = 2; fence; y = 1 % B: r0 = y; fence; x = 1 % exists x=2 && r0=1   | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: S+dmb.sys Forbidden
            S+po+dmb.sy    | A: x = 2; y = 1 % B: r0 = y; fence; x = 1 % exists x=2 && r0=1          | ARMV8   | ALLOWED   | herdtools7 catalogue/aarch64/tests/kinds.txt: S+po+dmb.sy Allowed
            SB+dmb.sy+rel-acq | A: x = 1; fence; r0 = y % B: y.release = 1; r1 = x.acquire % exists r0=0 && r1=0 | ARMV8 | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: SB+dmb.sy+rel-acq Forbidden
            IRIW+dmb.lds   | A: x = 1 % B: y = 1 % C: r0 = x; fence; r1 = y % D: r2 = y; fence; r3 = x % exists r0=1 && r1=0 && r2=1 && r3=0 | ARMV8 | FORBIDDEN | herdtools7 catalogue/aarch64-readers-guide/tests/kinds.txt: IRIW+dmb.lds Forbidden (a full DMB orders at least as much as DMB LD)
            CoWW           | A: x = 1; x = 2 % exists x=1                                            | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: CoWW Forbidden
            CoWR           | A: x = 1; r0 = x % B: x = 2 % exists x=1 && r0=2                        | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: CoWR Forbidden
            CoRW1          | A: r0 = x; x = 1 % exists r0=1                                           | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: CoRW1 Forbidden
            """)
    void variants(String name, String body, Model model, Verdict expected, String source) {
        Litmus test = Litmus.parse("test " + name + "\n" + body.replace('%', '\n'));
        check(test, model, expected, source);
    }

    /** HotSpot's mapping carries Java modes to hardware: the variants that change a hardware verdict. */
    @ParameterizedTest(name = "{0} with {1} accesses on {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SB   | VOLATILE | X86_TSO | FORBIDDEN | HotSpot x86: volatile store = store + locked instruction (memory-model.md)
            SB   | RELEASE  | X86_TSO | ALLOWED   | HotSpot x86: release store and acquire load are plain mov
            SB   | VOLATILE | ARMV8   | FORBIDDEN | HotSpot AArch64: volatile = STLR/LDAR; SB+dmb.sy+rel-acq Forbidden in herdtools7 catalogue/aarch64/tests/kinds.txt
            MP   | RELEASE  | ARMV8   | FORBIDDEN | herdtools7 catalogue/aarch64/tests/kinds.txt: MP+rel+acq Forbidden
            MP   | OPAQUE   | ARMV8   | ALLOWED   | jcstress BasicJMM_06_Causality: opaque 1, 0 seen 14,042,443 times on AArch64
            IRIW | RELEASE  | ARMV8   | FORBIDDEN | memory-model.md: ARMv8 with LDAR/STLR never shows IRIW
            2+2W | RELEASE  | ARMV8   | FORBIDDEN | memory-model.md: ARMv8 with LDAR/STLR never shows 2+2W
            IRIW | OPAQUE   | X86_TSO | FORBIDDEN | jcstress AdvancedJMM_02_MultiCopyAtomic: x86_64 0
            """)
    void mapping(String test, Mode mode, Model model, Verdict expected, String source) {
        check(Catalogue.named(test).withMode(mode), model, expected, source);
    }

    static void check(Litmus test, Model model, Verdict expected, String source) {
        ModelVerdict row = test.verdicts().get(model);
        assertEquals(expected, row.verdict(), () -> test.name() + " on " + model.title() + " (source: " + source + ")\n" + test.verdicts().text());
        if (expected != Verdict.ALLOWED) {
            assertNotNull(row.explanation(), "a forbidden or contested outcome comes with its cycle");
            assertTrue(row.explanation().edges() >= 1 && row.explanation().edges() <= 6,
                    () -> "cycle of " + row.explanation().edges() + " edges: " + row.explanation().text());
        }
    }
}
