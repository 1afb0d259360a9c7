// expect: race MapComputeSkipList.Tally.n lines 20
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * ConcurrentSkipListMap.compute does not lock: its function may run at the same time in two threads (and more
 * than once), so changing the value inside it is a data race.
 */
public class MapComputeSkipList {
    static final class Tally {
        int n;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentSkipListMap<String, Tally> map = new ConcurrentSkipListMap<>();
        map.put("k", new Tally());
        Runnable work = () -> {
            for (int i = 0; i < 100; i++) {
                map.compute("k", (k, t) -> {
                    Tally u = t;
                    u.n++;
                    return u;
                });
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(map.get("k").n);
    }
}
