// expect: 7/10 races racy: names() fills a plain field on first use, so two readers write and read it unordered
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

final class IconCatalog {
    private final Map<String, Integer> sizes;
    private Set<String> names; // written lazily by whichever thread asks first: a data race

    IconCatalog(Map<String, Integer> sizes) {
        this.sizes = Map.copyOf(sizes);
    }

    int size(String name) {
        Integer size = sizes.get(name);
        if (size == null) {
            throw new IllegalArgumentException("no icon named " + name);
        }
        return size;
    }

    Set<String> names() {
        if (names == null) {
            names = Collections.unmodifiableSet(new HashSet<>(sizes.keySet()));
        }
        return names;
    }

    Map<String, Integer> asMap() {
        return sizes;
    }
}
