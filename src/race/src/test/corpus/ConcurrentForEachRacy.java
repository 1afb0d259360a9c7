// expect: race ConcurrentForEachRacy.seen lines 17
import java.util.concurrent.ConcurrentHashMap;

/**
 * ConcurrentHashMap.forEach takes no lock while it runs the function (unlike compute), so two threads that count
 * inside it race on the counter.
 */
public class ConcurrentForEachRacy {
    static int seen;

    public static void main(String[] args) throws InterruptedException {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        map.put("a", 1);
        map.put("b", 2);
        Runnable work = () -> {
            for (int i = 0; i < 50; i++) {
                map.forEach((k, v) -> seen += v);
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(seen);
    }
}
