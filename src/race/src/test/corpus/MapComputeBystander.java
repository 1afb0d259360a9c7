// expect: race MapComputeBystander.calls lines 16,25
import java.util.concurrent.ConcurrentHashMap;

/**
 * The map's lock orders its functions with one another, not with a thread that never calls the map: reading
 * what the functions write, without joining them first, is a data race.
 */
public class MapComputeBystander {
    static int calls;

    public static void main(String[] args) throws InterruptedException {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        Runnable work = () -> {
            for (int i = 0; i < 100; i++) {
                map.compute("k", (k, v) -> {
                    calls++;
                    return v == null ? 1 : v + 1;
                });
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        System.out.println(calls);
        a.join();
        b.join();
    }
}
