// expect: no race
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The icon cache in Collections.synchronizedMap. */
public class IconCacheSynchronizedMap {
    private final Map<String, String> icons = Collections.synchronizedMap(new HashMap<>());

    String icon(String name) {
        String icon = icons.get(name);
        if (icon == null) {
            icon = "<" + name + ">";
            icons.put(name, icon);
        }
        return icon;
    }

    public static void main(String[] args) throws InterruptedException {
        IconCacheSynchronizedMap cache = new IconCacheSynchronizedMap();
        Thread a = new Thread(() -> cache.icon("spades"));
        Thread b = new Thread(() -> cache.icon("hearts"));
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(cache.icon("spades"));
    }
}
