package racecourse.jmm;

/**
 * One event of a compiled test: an initial write (thread -1), or a thread's read, write or fence.
 * Immutable; thread-safe.
 *
 * @param id index in the program's event array
 * @param thread thread index, or -1 for an initial write
 * @param loc variable index, or -1 for a fence
 * @param reg the register a read loads into (null otherwise)
 */
record Event(int id, int thread, int index, Kind kind, int loc, String var, int value, String reg, Mode mode) {
    /** What an event does. */
    enum Kind { READ, WRITE, FENCE }

    boolean isInit() {
        return thread < 0;
    }

    boolean isRead() {
        return kind == Kind.READ;
    }

    boolean isWrite() {
        return kind == Kind.WRITE;
    }

    boolean isFence() {
        return kind == Kind.FENCE;
    }

    /** A read that acquires (ARMv8 LDAR; Java acquire or volatile). */
    boolean isAcquire() {
        return isRead() && mode.acquires();
    }

    /** A write that releases (ARMv8 STLR; Java release or volatile). */
    boolean isRelease() {
        return isWrite() && !isInit() && mode.releases();
    }

    boolean isVolatile() {
        return !isInit() && !isFence() && mode == Mode.VOLATILE;
    }

    /** Opaque or stronger: the accesses the Java model keeps coherent (initial writes count). */
    boolean isCoherentInJava() {
        return isInit() || (!isFence() && mode != Mode.PLAIN);
    }
}
