// expect: no race
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threads that each fill new arrays with initializers and varargs calls, and share them only through a
 * concurrent map: no race.
 */
public class ArrayInitializerShared {
    public static void main(String[] args) throws InterruptedException {
        ConcurrentHashMap<Integer, int[]> map = new ConcurrentHashMap<>();
        Runnable fill = () -> {
            for (int i = 0; i < 1_000; i++) {
                map.put(i % 10, new int[] {i, i * 2, i * 3});
                List<String> words = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
                if (words.size() != 12) {
                    throw new IllegalStateException();
                }
            }
        };
        Thread a = new Thread(fill);
        Thread b = new Thread(fill);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(map.get(1)[0] % 10 + " " + String.format("%s-%s", "x", "y"));
    }
}
