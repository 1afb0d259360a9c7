// expect: 2/8 races racy: no lock, so two hits at once can both read the old count and one hit is lost
import java.util.HashMap;
import java.util.Map;

class HitCounter {
    private final Map<String, Integer> hits = new HashMap<>();
    private int total;
    private String busiest;

    void hit(String page) {
        int n = hits.getOrDefault(page, 0) + 1;
        hits.put(page, n);
        total++;
        if (busiest == null || n > hits.get(busiest)) busiest = page;
    }

    int hits(String page) {
        return hits.getOrDefault(page, 0);
    }

    int total() {
        return total;
    }

    String busiest() {
        return busiest;
    }
}
