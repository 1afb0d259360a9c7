package racecourse.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {
    @Test
    void roundTripsNestedValues() {
        String text = "{\"a\": [1, 2.5, true, null, \"x\\n\\\"y\\\" \\u00e9\"], \"b\": {}}";
        Object parsed = Json.parse(text);
        assertEquals(Map.of("a", Arrays.asList(1L, 2.5, true, null, "x\n\"y\" é"), "b", Map.of()), parsed);
        assertEquals(parsed, Json.parse(Json.write(parsed)));
        assertEquals(parsed, Json.parse(Json.pretty(parsed, 1)));
    }

    @Test
    void badJsonSaysWhere() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\": [1,\n 2,,]}"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(assertThrows(Json.JsonException.class, () -> Json.parse("[1] extra")).getMessage()
                .contains("after the end"));
        assertTrue(assertThrows(Json.JsonException.class, () -> Json.parseObject("[1]")).getMessage()
                .contains("found an array"));
        assertThrows(Json.JsonException.class, () -> Json.parse(""));
        assertThrows(Json.JsonException.class, () -> Json.parse("{'single': 1}"));
    }

    @Test
    void keepsKeyOrder() {
        assertEquals(List.of("z", "a", "m"), List.copyOf(Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}").keySet()));
    }

    @Test
    void deepNestingIsAClearErrorNotAStackOverflow() {
        String brackets = "[".repeat(20_000) + "]".repeat(20_000); // a 40 KB "notebook" of nested brackets
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(brackets));
        assertTrue(e.getMessage().contains("nested deeper than " + Json.DEFAULT_MAX_DEPTH), e.getMessage());
        String objects = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        assertThrows(Json.JsonException.class, () -> Json.parse(objects));
        String fine = "[".repeat(Json.DEFAULT_MAX_DEPTH) + "]".repeat(Json.DEFAULT_MAX_DEPTH);
        assertTrue(Json.parse(fine) instanceof List<?>);
    }

    @Test
    void textOverTheSizeLimitIsRefusedBeforeParsing() {
        Json.JsonException e = assertThrows(Json.JsonException.class,
                () -> Json.parse("[" + "1,".repeat(100) + "1]", new Json.Limits(10, 50)));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
    }

    @Test
    void writesNumbersAndSpecialValuesPlainly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("int", 3);
        m.put("whole", 6.0);
        m.put("half", 0.5);
        m.put("nan", Double.NaN);
        m.put("html", "<b>&</b>");
        m.put("none", null);
        m.put("list", new ArrayList<>(List.of("x")));
        assertEquals("{\"int\":3,\"whole\":6,\"half\":0.5,\"nan\":null,\"html\":\"<b>&</b>\",\"none\":null,\"list\":[\"x\"]}",
                Json.write(m));
        Map<String, Object> nb = new LinkedHashMap<>();
        nb.put("a", List.of(1));
        nb.put("b", Map.of());
        assertEquals("{\n \"a\": [\n  1\n ],\n \"b\": {}\n}\n", Json.pretty(nb, 1));
        assertEquals("\"tab\\there \\\"q\\\"\"", Json.quote("tab\there \"q\""));
    }
}
