package racecourse.jmm;

import java.util.Objects;

/** One operation of a litmus thread: a store of a constant, a load into a register, or a full fence. Immutable; thread-safe. */
public sealed interface Op {
    /** Stores a constant to a shared variable. */
    record Store(String var, int value, Mode mode) implements Op {
        /** Checks the mode suits a store. */
        public Store {
            Objects.requireNonNull(var);
            Objects.requireNonNull(mode);
            if (mode == Mode.ACQUIRE) throw new IllegalArgumentException("a store cannot be 'acquire' (use release): " + var);
        }

        @Override
        public String toString() {
            return var + (mode == Mode.PLAIN ? "" : "." + mode.word()) + " = " + value;
        }
    }

    /** Loads a shared variable into a register. */
    record Load(String reg, String var, Mode mode) implements Op {
        /** Checks the mode suits a load. */
        public Load {
            Objects.requireNonNull(reg);
            Objects.requireNonNull(var);
            Objects.requireNonNull(mode);
            if (mode == Mode.RELEASE) throw new IllegalArgumentException("a load cannot be 'release' (use acquire): " + reg + " = " + var);
        }

        @Override
        public String toString() {
            return reg + " = " + var + (mode == Mode.PLAIN ? "" : "." + mode.word());
        }
    }

    /** A full fence: {@code mfence} on x86, {@code DMB SY} on ARMv8, {@code VarHandle.fullFence()} in Java. */
    record Fence() implements Op {
        @Override
        public String toString() {
            return "fence";
        }
    }
}
