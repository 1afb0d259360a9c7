// expect: no race
import java.util.HashMap;
import java.util.Map;

/** The icon cache in a HashMap, every use under one lock. */
public class IconCacheMutex {
    private final Object lock = new Object();
    private final Map<String, String> icons = new HashMap<>(); // guarded by lock

    String icon(String name) {
        synchronized (lock) {
            return icons.computeIfAbsent(name, n -> "<" + n + ">");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        IconCacheMutex cache = new IconCacheMutex();
        Thread a = new Thread(() -> cache.icon("spades"));
        Thread b = new Thread(() -> cache.icon("hearts"));
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(cache.icon("spades"));
    }
}
