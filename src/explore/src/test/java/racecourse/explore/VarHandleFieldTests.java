package racecourse.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racecourse.explore.report.ExploreResult;

/**
 * A plain {@code VarHandle.get}/{@code set} on a field is a data access of that field, as for the race detector:
 * the same variable as the field's ordinary reads and writes, dependent only with accesses to it, and checked for
 * races; volatile modes synchronize.
 */
class VarHandleFieldTests {
    static final class Box {
        int value;
        int other;
        static int shared;

        private static final VarHandle VALUE;
        private static final VarHandle OTHER;
        private static final VarHandle SHARED;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                VALUE = l.findVarHandle(Box.class, "value", int.class);
                OTHER = l.findVarHandle(Box.class, "other", int.class);
                SHARED = l.findStaticVarHandle(Box.class, "shared", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        void setPlain(int v) {
            VALUE.set(this, v);
        }

        void setOtherPlain(int v) {
            OTHER.set(this, v);
        }

        int getPlain() {
            return (int) VALUE.get(this);
        }

        void setVolatile(int v) {
            VALUE.setVolatile(this, v);
        }

        int getVolatile() {
            return (int) VALUE.getVolatile(this);
        }

        static void setShared(int v) {
            SHARED.set(v);
        }
    }

    @Test
    void plainSetsOfOneFieldRaceUnderTheFieldsOwnName() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> b.setPlain(1))
                .thread(b -> b.setPlain(2)).after(Box::getPlain).explore();
        assertEquals(Set.of("result 1", "result 2"), r.counts().keySet(), r.text());
        assertFalse(r.races().isEmpty(), r.text());
        assertTrue(r.races().get(0).description().contains("Box.value"), r.text());
    }

    @Test
    void aHandlesSetAndAnOrdinaryReadAreTheSameVariable() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> b.setPlain(1))
                .thread(b -> b.value = 2).after(b -> b.value).explore();
        assertEquals(Set.of("result 1", "result 2"), r.counts().keySet(), r.text());
        assertFalse(r.races().isEmpty(), r.text());
    }

    @Test
    void plainSetsOfTwoFieldsCommute() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> b.setPlain(1))
                .thread(b -> b.setOtherPlain(2)).after(b -> b.value + b.other).explore();
        assertEquals(1, r.schedules(), r.text());
        assertTrue(r.races().isEmpty(), r.text());
    }

    @Test
    void aStaticFieldsHandleRacesToo() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> Box.setShared(1))
                .thread(b -> Box.setShared(2)).after(b -> Box.shared).explore();
        assertEquals(Set.of("result 1", "result 2"), r.counts().keySet(), r.text());
        assertTrue(r.races().stream().anyMatch(x -> x.description().contains("Box.shared")), r.text());
    }

    @Test
    void volatileModesAreNotRaces() {
        ExploreResult r = Explore.of(Box::new)
                .thread(b -> b.setVolatile(1))
                .thread(b -> b.setVolatile(2)).after(Box::getVolatile).explore();
        assertEquals(Set.of("result 1", "result 2"), r.counts().keySet(), r.text());
        assertTrue(r.races().isEmpty(), r.text());
    }
}
