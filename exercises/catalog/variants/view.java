// expect: 9/10 view, not copy: an unmodifiable view of the caller's map changes when the caller changes it
import java.util.Collections;
import java.util.Map;
import java.util.Set;

final class IconCatalog {
    private final Map<String, Integer> sizes;

    IconCatalog(Map<String, Integer> sizes) {
        this.sizes = Collections.unmodifiableMap(sizes);
    }

    int size(String name) {
        Integer size = sizes.get(name);
        if (size == null) {
            throw new IllegalArgumentException("no icon named " + name);
        }
        return size;
    }

    Set<String> names() {
        return sizes.keySet();
    }

    Map<String, Integer> asMap() {
        return sizes;
    }
}
