package racecourse.jmm;

import java.util.List;
import java.util.Locale;
import racecourse.display.Displayable;
import racecourse.display.MimeBundle;
import racecourse.display.Tables;

/**
 * Recorded evidence: counts published in the comments of the jcstress samples, from machines this course may
 * not have (AArch64, POWER). These are other people's runs, shown with their source, never results of this run.
 * Immutable; thread-safe.
 */
public final class Evidence implements Displayable {
    /** The heading every rendering carries. */
    public static final String LABEL = "Recorded evidence (published counts, not measured in this run)";

    /**
     * One published count.
     *
     * @param test the catalogue test it corresponds to
     * @param mode the access mode of the sample's accesses
     * @param architecture the machine the comment names ("not stated" when it names none)
     * @param outcome the interesting outcome, as jcstress prints it
     * @param count how many times it was seen
     * @param share the comment's frequency column, as printed
     * @param source the jcstress sample class that carries the comment
     */
    public record Row(String test, Mode mode, String architecture, String outcome, long count, String share, String source) {
        /** The model of this row's machine, or null when the calculator has none (POWER). */
        public Model model() {
            if (architecture.startsWith("x86")) return Model.X86_TSO;
            if (architecture.startsWith("AArch64")) return Model.ARMV8;
            return null;
        }
    }

    private static final String SAMPLES = "openjdk/jcstress, jcstress-samples/src/main/java/org/openjdk/jcstress/samples/jmm/";

    private static final List<Row> ROWS = List.of(
            new Row("MP", Mode.OPAQUE, "x86_64", "1, 0", 0, "0%", SAMPLES + "basic/BasicJMM_06_Causality.java"),
            new Row("MP", Mode.OPAQUE, "AArch64", "1, 0", 14_042_443, "0.68%", SAMPLES + "basic/BasicJMM_06_Causality.java"),
            new Row("MP", Mode.VOLATILE, "AArch64", "1, 0", 0, "0%", SAMPLES + "basic/BasicJMM_06_Causality.java"),
            new Row("MP", Mode.RELEASE, "AArch64", "1, 0", 0, "0%", SAMPLES + "basic/BasicJMM_06_Causality.java"),
            new Row("MP", Mode.PLAIN, "x86_64 (JIT reordering)", "1, 0", 5_559_858, "0.09%", SAMPLES + "basic/BasicJMM_06_Causality.java"),
            new Row("SB", Mode.PLAIN, "x86_64", "0, 0", -1, "6.29%", SAMPLES + "basic/BasicJMM_07_Consensus.java"),
            new Row("SB", Mode.VOLATILE, "x86_64", "0, 0", 0, "0%", SAMPLES + "basic/BasicJMM_07_Consensus.java"),
            new Row("IRIW", Mode.OPAQUE, "x86_64", "1, 0, 1, 0", 0, "0%", SAMPLES + "advanced/AdvancedJMM_02_MultiCopyAtomic.java"),
            new Row("IRIW", Mode.OPAQUE, "PPC64 or ARM64", "1, 0, 1, 0", 144_597, "<0.01%", SAMPLES + "advanced/AdvancedJMM_02_MultiCopyAtomic.java"),
            new Row("CoRR", Mode.PLAIN, "not stated", "1, 0", 6_376, "<0.01%", SAMPLES + "basic/BasicJMM_05_Coherence.java"),
            new Row("CoRR", Mode.OPAQUE, "not stated", "1, 0", 0, "0.00%", SAMPLES + "basic/BasicJMM_05_Coherence.java"),
            new Row("CoRR", Mode.VOLATILE, "not stated", "1, 0", 0, "0.00%", SAMPLES + "basic/BasicJMM_05_Coherence.java"));

    /** The table of recorded evidence. */
    public static Evidence recorded() {
        return new Evidence();
    }

    /** The rows. */
    public List<Row> rows() {
        return ROWS;
    }

    private static String count(Row r) {
        return r.count() < 0 ? "(share only)" : String.format(Locale.ROOT, "%,d", r.count());
    }

    /** The table as text under its label. */
    public String text() {
        StringBuilder out = new StringBuilder(LABEL).append('\n');
        out.append(String.format(Locale.ROOT, "%-6s %-9s %-25s %-11s %14s %8s  %s%n", "test", "mode", "machine", "outcome", "seen", "share", "source"));
        for (Row r : ROWS) {
            out.append(String.format(Locale.ROOT, "%-6s %-9s %-25s %-11s %14s %8s  %s%n", r.test(), r.mode().word(),
                    r.architecture(), r.outcome(), count(r), r.share(), r.source()));
        }
        return out.toString();
    }

    /** The table as HTML under its label. */
    public String html() {
        StringBuilder out = new StringBuilder("<div class=\"racecourse-evidence\"><p><b>").append(Tables.escape(LABEL))
                .append("</b></p><table class=\"racecourse-table\"><thead><tr><th>test</th><th>mode</th><th>machine</th>"
                        + "<th>outcome</th><th>seen</th><th>share</th><th>source</th></tr></thead><tbody>");
        for (Row r : ROWS) {
            out.append("<tr><td>").append(Tables.escape(r.test())).append("</td><td>").append(r.mode().word())
                    .append("</td><td>").append(Tables.escape(r.architecture())).append("</td><td><code>")
                    .append(Tables.escape(r.outcome())).append("</code></td><td>").append(count(r)).append("</td><td>")
                    .append(Tables.escape(r.share())).append("</td><td>").append(Tables.escape(r.source())).append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
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
