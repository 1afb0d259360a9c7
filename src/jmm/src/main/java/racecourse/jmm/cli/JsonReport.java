package racecourse.jmm.cli;

import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.jmm.ModelVerdict;
import racecourse.jmm.Outcome;
import racecourse.jmm.VerdictGrid;
import racecourse.jmm.Verdicts;

/** Writes verdicts as JSON for {@code racecourse jmm --json}. Thread-safe (stateless). */
final class JsonReport {
    private JsonReport() {
    }

    /** One object per test: its text, condition, and per model the verdict, explanation and allowed outcomes. */
    static String verdicts(List<Verdicts> all) {
        List<Object> out = new ArrayList<>();
        for (Verdicts v : all) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("test", v.test().name());
            test.put("text", v.test().text());
            test.put("condition", v.test().condition().toString());
            List<Object> models = new ArrayList<>();
            for (ModelVerdict r : v.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", r.model().title());
                m.put("verdict", r.verdict().word());
                if (r.explanation() != null) {
                    m.put("axiom", r.explanation().axiom());
                    m.put("cycle", r.explanation().steps());
                    m.put("explanation", r.explanation().text());
                }
                if (!r.note().isEmpty()) m.put("note", r.note());
                m.put("allowed", v.analysis().allowed(r.model()).stream().map(Outcome::toString).toList());
                models.add(m);
            }
            test.put("models", models);
            out.add(test);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out);
    }

    /** The grid: one object per test with a verdict per column. */
    static String grid(VerdictGrid grid) {
        List<Object> out = new ArrayList<>();
        for (VerdictGrid.Row r : grid.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("test", r.test());
            row.put("condition", r.condition());
            for (int i = 0; i < VerdictGrid.COLUMNS.size(); i++) row.put(VerdictGrid.COLUMNS.get(i), r.verdicts().get(i).word());
            out.add(row);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out);
    }
}
