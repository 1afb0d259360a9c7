// expect: race HashMap lines 10,13
import java.util.HashMap;
import java.util.Map;

/** A lazily filled icon cache in a plain HashMap, used from two threads. */
public class IconCacheRacy {
    private final Map<String, String> icons = new HashMap<>();

    String icon(String name) {
        String icon = icons.get(name); // race
        if (icon == null) {
            icon = "<" + name + ">";
            icons.put(name, icon); // race
        }
        return icon;
    }

    public static void main(String[] args) throws InterruptedException {
        IconCacheRacy cache = new IconCacheRacy();
        Thread a = new Thread(() -> cache.icon("spades"));
        Thread b = new Thread(() -> cache.icon("hearts"));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
