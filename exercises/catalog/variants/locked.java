// expect: 8/10 locked: correct, but it takes a lock for data that is never written
import java.util.Map;
import java.util.Set;

final class IconCatalog {
    private final Map<String, Integer> sizes; // guarded by this (needlessly)

    IconCatalog(Map<String, Integer> sizes) {
        this.sizes = Map.copyOf(sizes);
    }

    synchronized int size(String name) {
        Integer size = sizes.get(name);
        if (size == null) {
            throw new IllegalArgumentException("no icon named " + name);
        }
        return size;
    }

    synchronized Set<String> names() {
        return sizes.keySet();
    }

    synchronized Map<String, Integer> asMap() {
        return sizes;
    }
}
