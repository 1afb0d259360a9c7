package racecourse.race.report;

import java.util.List;
import racecourse.race.Access;
import racecourse.race.DataRace;
import racecourse.race.Frame;

/**
 * Renders races as the JSON report documented in docs/race.md. Thread-safe (stateless).
 */
public final class RaceJson {
    private RaceJson() {
    }

    /** Renders a whole report. */
    public static String report(List<DataRace> races, int count, boolean complete) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"version\": 1,\n  \"complete\": ").append(complete)
                .append(",\n  \"count\": ").append(count).append(",\n  \"races\": [");
        for (int i = 0; i < races.size(); i++) {
            DataRace r = races.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"variable\": ").append(str(r.variable()))
                    .append(", \"kind\": ").append(str(r.kind()))
                    .append(",\n     \"current\": ");
            access(b, r.current());
            b.append(",\n     \"previous\": ");
            access(b, r.previous());
            b.append('}');
        }
        b.append(races.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    private static void access(StringBuilder b, Access a) {
        b.append("{\"op\": ").append(str(a.write() ? "write" : "read"))
                .append(", \"thread\": {\"name\": ").append(str(a.threadName())).append(", \"id\": ")
                .append(a.threadId()).append(a.task() ? ", \"task\": true" : "").append("}, \"stack\": ");
        frames(b, a.stack());
        b.append(", \"threadCreatedAt\": ");
        frames(b, a.threadCreatedAt());
        b.append('}');
    }

    private static void frames(StringBuilder b, List<Frame> frames) {
        b.append('[');
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            b.append(i == 0 ? "" : ", ").append("{\"class\": ").append(str(f.className()))
                    .append(", \"method\": ").append(str(f.method()))
                    .append(", \"file\": ").append(str(f.file()))
                    .append(", \"line\": ").append(f.line()).append('}');
        }
        b.append(']');
    }

    /** Returns {@code s} as a JSON string literal. */
    public static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
