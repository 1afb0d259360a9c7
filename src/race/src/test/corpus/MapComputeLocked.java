// expect: no race
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Values changed inside compute, merge and computeIfPresent of maps that run the function under their lock. */
public class MapComputeLocked {
    static final class Tally {
        int n;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, Tally> concurrent = new ConcurrentHashMap<>();
        ConcurrentMap<String, Tally> typed = new ConcurrentHashMap<>();
        Hashtable<String, Tally> table = new Hashtable<>();
        Map<String, Tally> wrapped = Collections.synchronizedMap(new HashMap<>());
        wrapped.put("k", new Tally());
        Runnable work = () -> {
            for (int i = 0; i < 200; i++) {
                concurrent.compute("k" + i % 3, (k, t) -> {
                    Tally u = t == null ? new Tally() : t;
                    u.n++;
                    return u;
                });
                typed.computeIfAbsent("k", k -> new Tally());
                typed.computeIfPresent("k", (k, t) -> {
                    t.n += 2;
                    return t;
                });
                table.merge("k", new Tally(), (old, fresh) -> {
                    old.n++;
                    return old;
                });
                wrapped.computeIfPresent("k", (k, t) -> {
                    t.n--;
                    return t;
                });
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(concurrent.get("k0").n + typed.get("k").n + table.get("k").n + wrapped.get("k").n);
    }
}
