import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import racecourse.grader.api.Subject;

/** Visible tests of the icon catalog: the learner runs these inline with {@code Checks.run("catalog", IconCatalog.class)}. */
class IconCatalogTests {
    private final Subject<IconCatalogContract> catalog = Subject.of(IconCatalogContract.class);

    private static Map<String, Integer> sample() {
        Map<String, Integer> sizes = new HashMap<>();
        sizes.put("spades.png", 16);
        sizes.put("hearts.png", 32);
        return sizes;
    }

    @Test
    @DisplayName("size returns the size each icon was given")
    void sizes() {
        IconCatalogContract c = catalog.create(sample());
        assertEquals(16, c.size("spades.png"));
        assertEquals(32, c.size("hearts.png"));
        assertEquals(Set.of("spades.png", "hearts.png"), c.names());
    }

    @Test
    @DisplayName("changing the caller's map afterwards does not change the catalog")
    void copiesItsInput() {
        Map<String, Integer> sizes = sample();
        IconCatalogContract c = catalog.create(sizes);
        sizes.put("joker.png", 64);
        sizes.put("spades.png", 99);
        assertEquals(16, c.size("spades.png"), "the catalog must copy the map it is given");
        assertEquals(2, c.names().size(), "the catalog must copy the map it is given");
    }

    @Test
    @DisplayName("an unknown name is refused with IllegalArgumentException naming it")
    void unknownName() {
        IconCatalogContract c = catalog.create(sample());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.size("joker.png"));
        assertTrue(e.getMessage() != null && e.getMessage().contains("joker.png"),
                "the message should name the missing icon, was: " + e.getMessage());
    }

    @Test
    @DisplayName("names() cannot be used to change the catalog")
    void namesAreUnmodifiable() {
        IconCatalogContract c = catalog.create(sample());
        assertThrows(UnsupportedOperationException.class, () -> c.names().add("joker.png"));
        assertThrows(UnsupportedOperationException.class, () -> c.names().clear());
        assertEquals(2, c.names().size());
    }

    @Test
    @DisplayName("asMap() shows every size and cannot be used to change the catalog")
    void mapIsUnmodifiable() {
        IconCatalogContract c = catalog.create(sample());
        assertEquals(sample(), c.asMap());
        assertThrows(UnsupportedOperationException.class, () -> c.asMap().put("joker.png", 64));
        assertEquals(16, c.size("spades.png"));
    }
}
