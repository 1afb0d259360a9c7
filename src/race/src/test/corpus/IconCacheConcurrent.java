// expect: no race
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The icon cache in a ConcurrentHashMap with computeIfAbsent. */
public class IconCacheConcurrent {
    private final Map<String, String> icons = new ConcurrentHashMap<>();

    String icon(String name) {
        return icons.computeIfAbsent(name, n -> "<" + n + ">");
    }

    public static void main(String[] args) throws InterruptedException {
        IconCacheConcurrent cache = new IconCacheConcurrent();
        Thread a = new Thread(() -> cache.icon("spades"));
        Thread b = new Thread(() -> cache.icon("spades"));
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(cache.icon("spades"));
    }
}
