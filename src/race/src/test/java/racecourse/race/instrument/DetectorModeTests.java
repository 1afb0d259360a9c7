package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import racecourse.race.edges.Sites;

/**
 * The detector mode's output is pinned: for a few classes that use every rewritten kind of access and call, the
 * rewritten class lists exactly as the golden listing in {@code src/test/resources/golden} (site numbers relative
 * to the run's first). Regenerate with {@code -Dgolden.write=true} only for an intended change of the bytecode.
 */
class DetectorModeTests {
    @ParameterizedTest
    @ValueSource(strings = {"racecourse.race.instrument.fixture.AllKinds", "demo.DriverMain"})
    void detectorModeEmitsTheSameCodeAsBefore(String className) throws IOException {
        byte[] original = bytes(className);
        // site numbers start at 1000 or more, so that no small constant the rewrite emits (a wrapper kind) is
        // mistaken for one
        while (Sites.count() < 1000) {
            Sites.register(racecourse.race.edges.Site.CALL, false, "Padding", "pad", null, -1, null, null, 0, null,
                    null, null);
        }
        int first = Sites.count();
        byte[] out = new ClassInstrumenter(getClass().getClassLoader(), true).instrument(original);
        int end = Sites.count();
        assertNotNull(out, className + " was left unchanged");
        String listing = Listing.of(out, first, end);
        Path golden = Path.of("src/test/resources/golden", className + ".txt");
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(golden, listing, StandardCharsets.UTF_8);
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(listing)) {
            Files.writeString(Path.of("target", className + ".actual.txt"), listing, StandardCharsets.UTF_8);
        }
        assertEquals(expected, listing, className);
    }

    static byte[] bytes(String className) throws IOException {
        try (InputStream in = DetectorModeTests.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            assertNotNull(in, className);
            return in.readAllBytes();
        }
    }
}
