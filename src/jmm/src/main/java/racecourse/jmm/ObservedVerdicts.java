package racecourse.jmm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;

/**
 * What a stress run counted for a litmus-shaped test, beside what each model allows: one row per outcome with
 * its count and a verdict per model. Outcome ids are jcstress's, e.g. {@code "1, 0"}, read as the test's
 * registers in order. Immutable; thread-safe.
 */
public final class ObservedVerdicts implements Displayable {
    /** One outcome: its id, how often it was counted, and each model's verdict on it. */
    public record Row(String id, long count, Map<Model, Verdict> verdicts, String note) {
        /** Copies the verdicts. */
        public Row {
            verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
        }
    }

    private final Litmus test;
    private final List<Row> rows;
    private final long samples;

    private ObservedVerdicts(Litmus test, List<Row> rows, long samples) {
        this.test = test;
        this.rows = List.copyOf(rows);
        this.samples = samples;
    }

    /**
     * Judges observed counts against the models.
     *
     * @param counts outcome id (e.g. {@code "0, 0"}) to count, as a stress run reports them
     * @throws IllegalArgumentException when an id does not have one number per register of the test
     */
    static ObservedVerdicts of(Litmus test, Map<String, Long> counts) {
        Analysis a = Calculator.analyse(test);
        List<String> regs = test.registers();
        Set<String> ids = new LinkedHashSet<>(counts.keySet());
        for (Model m : Model.values()) for (Outcome o : a.allowed(m)) ids.add(id(o, regs));
        for (Outcome o : a.contested()) ids.add(id(o, regs));
        List<Row> rows = new ArrayList<>();
        long samples = counts.values().stream().mapToLong(Long::longValue).sum();
        for (String id : ids) {
            Map<String, Integer> values = parse(id, regs);
            Map<Model, Verdict> verdicts = new LinkedHashMap<>();
            for (Model m : Model.values()) {
                Verdict v = Verdict.FORBIDDEN;
                if (a.allowed(m).stream().anyMatch(o -> o.registers().equals(values))) v = Verdict.ALLOWED;
                else if (m == Model.JAVA && a.contested().stream().anyMatch(o -> o.registers().equals(values))) v = Verdict.CONTESTED;
                verdicts.put(m, v);
            }
            long count = counts.getOrDefault(id, 0L);
            rows.add(new Row(id, count, verdicts, note(count, samples, verdicts)));
        }
        rows.sort((x, y) -> x.id().compareTo(y.id()));
        return new ObservedVerdicts(test, rows, samples);
    }

    private static String note(long count, long samples, Map<Model, Verdict> v) {
        if (count > 0 && v.values().stream().allMatch(x -> x == Verdict.FORBIDDEN)) {
            return "seen, yet no model allows it: does the litmus test store the same constants and load in the same order as the stress test?";
        }
        if (count > 0 && v.get(Model.JAVA) == Verdict.FORBIDDEN) return "seen, yet the Java model forbids it: a bug in the test or the JVM";
        if (count > 0 && v.get(Model.X86_TSO) == Verdict.FORBIDDEN) {
            return "seen, though x86 hardware forbids it: the JIT reordered the accesses (the Java model allows that)";
        }
        if (count == 0 && v.get(Model.X86_TSO) == Verdict.ALLOWED && v.get(Model.SC) == Verdict.FORBIDDEN) {
            return String.format(Locale.ROOT, "not seen in %,d samples, though x86 allows it", samples);
        }
        if (count == 0 && v.get(Model.ARMV8) == Verdict.ALLOWED && v.get(Model.X86_TSO) == Verdict.FORBIDDEN) {
            return "ARMv8 allows it: see the recorded evidence for machines this course may not have";
        }
        return "";
    }

    private static String id(Outcome o, List<String> regs) {
        StringBuilder out = new StringBuilder();
        for (String r : regs) {
            if (!out.isEmpty()) out.append(", ");
            out.append(o.registers().get(r));
        }
        return out.toString();
    }

    private static Map<String, Integer> parse(String id, List<String> regs) {
        String[] parts = id.split(",");
        if (parts.length != regs.size()) {
            throw new IllegalArgumentException("outcome '" + id + "' has " + parts.length + " values; the test " + "has "
                    + regs.size() + " registers (" + String.join(", ", regs) + ")");
        }
        Map<String, Integer> values = new TreeMap<>();
        for (int i = 0; i < parts.length; i++) {
            try {
                values.put(regs.get(i), Integer.parseInt(parts[i].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("outcome '" + id + "' is not a list of whole numbers", e);
            }
        }
        return values;
    }

    /** One row per outcome, observed or allowed by some model, sorted by id. */
    public List<Row> rows() {
        return rows;
    }

    /** The table as aligned text. */
    public String text() {
        StringBuilder out = new StringBuilder("what the models allow for " + test.name() + " (registers "
                + String.join(", ", test.registers()) + ")\n");
        out.append(String.format(Locale.ROOT, "%-12s %14s", "outcome", "seen"));
        for (Model m : Model.values()) out.append(String.format(Locale.ROOT, " %-10s", m.title()));
        out.append(" note\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-12s %,14d", r.id(), r.count()));
            for (Model m : Model.values()) out.append(String.format(Locale.ROOT, " %-10s", r.verdicts().get(m).word()));
            out.append(' ').append(r.note()).append('\n');
        }
        return out.toString();
    }

    /** The table as HTML. */
    public String html() {
        StringBuilder out = new StringBuilder("<table class=\"racecourse-table\"><caption>")
                .append(Tables.escape("what the models allow for " + test.name())).append("</caption><thead><tr><th>outcome</th><th>seen</th>");
        for (Model m : Model.values()) out.append("<th>").append(Tables.escape(m.title())).append("</th>");
        out.append("<th>note</th></tr></thead><tbody>");
        for (Row r : rows) {
            out.append("<tr><td><code>").append(Tables.escape(r.id())).append("</code></td><td>")
                    .append(String.format(Locale.ROOT, "%,d", r.count())).append("</td>");
            for (Model m : Model.values()) {
                Verdict v = r.verdicts().get(m);
                String colour = v == Verdict.ALLOWED ? "#4c78a8" : v == Verdict.FORBIDDEN ? "#d62728" : "#f58518";
                out.append("<td style=\"color:").append(colour).append("\">").append(v.word()).append("</td>");
            }
            out.append("<td>").append(Tables.escape(r.note())).append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return new MimeBundle().with(MimeBundle.HTML, html()).with(MimeBundle.TEXT, text());
    }

    @Override
    public String toString() {
        return text();
    }
}
