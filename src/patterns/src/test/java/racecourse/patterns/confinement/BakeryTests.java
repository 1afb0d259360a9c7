package racecourse.patterns.confinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BakeryTests {
    @Test
    void everyCakeComesOutBakedAndIcedInOrder() throws InterruptedException {
        List<Cake> cakes = Bakery.run(1000, "lemon");
        assertEquals(1000, cakes.size());
        for (int i = 0; i < cakes.size(); i++) {
            Cake cake = cakes.get(i);
            assertEquals(i, cake.number());
            assertTrue(cake.baked());
            assertEquals("lemon", cake.icing());
        }
    }

    @Test
    void icingARawCakeIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Cake(7).ice("lemon"));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
    }

    @Test
    void theMeddlingBakerStillGetsItsCakesOut() throws InterruptedException {
        int seen = MeddlingBakery.run(1000, "lemon");
        assertTrue(seen >= 0 && seen <= 1000, "seen " + seen);
    }

    @Test
    void negativeOrdersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Bakery.run(-1, "lemon"));
        assertThrows(IllegalArgumentException.class, () -> MeddlingBakery.run(-1, "lemon"));
    }
}
