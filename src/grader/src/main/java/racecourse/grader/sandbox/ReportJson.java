package racecourse.grader.sandbox;

import java.util.Map;

/**
 * Writes the harness's reports as one-line JSON inside the sandboxed child JVM. The child's class path holds only the
 * grader and JUnit, never a JSON library (submission code could call it), so this is the one small writer kept
 * outside {@code racecourse.json}; the grader reads the lines back with {@code racecourse.json.Json}. Writes
 * strings, booleans, numbers, maps and lists; anything else as its {@code toString()}. Thread-safe (stateless).
 */
final class ReportJson {
    private ReportJson() {
    }

    /** {@code value} as compact JSON. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Double d when d.isNaN() || d.isInfinite() -> out.append("null");
            case Float f when f.isNaN() || f.isInfinite() -> out.append("null");
            case Number n -> out.append(n);
            case Map<?, ?> map -> {
                out.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(sep);
                    quote(out, String.valueOf(e.getKey()));
                    out.append(':');
                    write(out, e.getValue());
                    sep = ",";
                }
                out.append('}');
            }
            case Iterable<?> list -> {
                out.append('[');
                String sep = "";
                for (Object item : list) {
                    out.append(sep);
                    write(out, item);
                    sep = ",";
                }
                out.append(']');
            }
            default -> quote(out, value.toString());
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c == 0x2028 || c == 0x2029) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
