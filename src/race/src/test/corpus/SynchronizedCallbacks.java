// expect: no race
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;

/**
 * Functions run by Vector, Hashtable and the Collections.synchronized wrappers inside their synchronized methods:
 * each counter is changed only inside the functions of one collection, so that collection's lock guards it.
 */
public class SynchronizedCallbacks {
    static int vectorSeen;
    static int listSeen;
    static int tableSeen;

    public static void main(String[] args) throws InterruptedException {
        Vector<Integer> vector = new Vector<>(List.of(3, 1, 2));
        List<Integer> list = Collections.synchronizedList(new ArrayList<>(List.of(5, 4, 6)));
        Hashtable<String, Integer> table = new Hashtable<>();
        table.put("a", 1);
        Runnable work = () -> {
            for (int i = 0; i < 50; i++) {
                vector.forEach(x -> vectorSeen += x);
                list.removeIf(x -> {
                    listSeen++;
                    return false;
                });
                list.replaceAll(x -> {
                    listSeen--;
                    return x;
                });
                list.sort((x, y) -> {
                    listSeen++;
                    return Integer.compare(x, y);
                });
                table.forEach((k, v) -> tableSeen += v);
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(vectorSeen + listSeen + tableSeen);
    }
}
