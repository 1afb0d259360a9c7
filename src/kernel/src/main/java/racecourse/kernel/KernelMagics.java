package racecourse.kernel;

import racecourse.kernel.magic.Magics;

/** Registers the magics that come from other parts of the course (the race detector's {@code %%race}). */
final class KernelMagics {
    private KernelMagics() {
    }

    static void registerAll(Magics magics) {
    }
}
