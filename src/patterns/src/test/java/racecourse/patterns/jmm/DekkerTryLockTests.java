package racecourse.patterns.jmm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntPredicate;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** One thread at a time, both try-locks keep their promise: whoever holds it keeps the other out until unlock. */
class DekkerTryLockTests {
    private static void keepsTheOtherOut(IntPredicate tryLock, IntConsumer unlock) {
        assertTrue(tryLock.test(0), "a free lock lets thread 0 in");
        assertFalse(tryLock.test(1), "thread 1 must stay out while 0 is inside");
        unlock.accept(0);
        assertTrue(tryLock.test(1), "after 0 leaves, 1 gets in");
        assertFalse(tryLock.test(0), "and 0 stays out");
        unlock.accept(1);
        assertTrue(tryLock.test(0));
    }

    @Test
    void plainLockKeepsTheOtherOutWhenRunAlone() {
        DekkerTryLock lock = new DekkerTryLock();
        keepsTheOtherOut(lock::tryLock, lock::unlock);
        assertThrows(IllegalArgumentException.class, () -> lock.tryLock(2));
    }

    @Test
    void volatileLockKeepsTheOtherOutWhenRunAlone() {
        VolatileDekkerTryLock lock = new VolatileDekkerTryLock();
        keepsTheOtherOut(lock::tryLock, lock::unlock);
        assertThrows(IllegalArgumentException.class, () -> lock.tryLock(-1));
    }
}
