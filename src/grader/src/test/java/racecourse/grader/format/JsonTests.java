package racecourse.grader.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {
    @Test
    void roundTripsNestedValues() {
        String text = "{\"a\": [1, 2.5, true, null, \"x\\n\\\"y\\\" \\u00e9\"], \"b\": {}}";
        Object parsed = Json.parse(text);
        assertEquals(Map.of("a", java.util.Arrays.asList(1L, 2.5, true, null, "x\n\"y\" é"), "b", Map.of()), parsed);
        assertEquals(parsed, Json.parse(Json.write(parsed)));
        assertEquals(parsed, Json.parse(Json.pretty(parsed, 1)));
    }

    @Test
    void badJsonSaysWhere() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\": [1,\n 2,,]}"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(Json.JsonException.class, () -> Json.parse("[1] extra"));
        assertThrows(Json.JsonException.class, () -> Json.parseObject("[1]"));
    }

    @Test
    void keepsKeyOrder() {
        assertEquals(List.of("z", "a", "m"), List.copyOf(Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}").keySet()));
    }
}
