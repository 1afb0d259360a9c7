package racecourse.jmm;

/** The kinds of edge a forbidding cycle is made of, each rendered in words by Explanation. Immutable; thread-safe. */
enum Rel {
    /** Program order. */
    PO,
    /** Reads-from: a write and a read that takes its value. */
    RF,
    /** Coherence order: two writes to one variable. */
    CO,
    /** From-read: a read and a write that overwrites the value it read. */
    FR,
    /** Two accesses with a full fence between them. */
    FENCE,
    /** x86 keeps program order except a store followed by a load. */
    PPO,
    /** The locked instruction HotSpot puts after a volatile store on x86. */
    LOCKED,
    /** ARMv8: an acquire load (LDAR) stays before later accesses. */
    ACQUIRE,
    /** ARMv8: a release store (STLR) stays after earlier accesses. */
    RELEASE,
    /** ARMv8: a release store followed by an acquire load stay in order. */
    RELEASE_ACQUIRE,
    /** ARMv8: an access before a release store stays before a later write to the same variable by the same thread. */
    RELEASE_COI,
    /** Java: a release (or volatile) write seen by an acquire (or volatile) read. */
    SW,
    /** Java: a read whose write happens before another write to the same variable. */
    HB_FR
}
