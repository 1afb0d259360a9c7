// expect: no race
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** removeIf, replaceAll and sort of a CopyOnWriteArrayList run their function under the list's lock. */
public class CopyOnWriteCallbacks {
    static int calls;

    public static void main(String[] args) throws InterruptedException {
        CopyOnWriteArrayList<Integer> list = new CopyOnWriteArrayList<>(List.of(4, 2, 3));
        Runnable work = () -> {
            for (int i = 0; i < 50; i++) {
                list.removeIf(x -> {
                    calls++;
                    return false;
                });
                list.replaceAll(x -> {
                    calls++;
                    return x;
                });
                list.sort((x, y) -> {
                    calls++;
                    return Integer.compare(x, y);
                });
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(calls + " " + list);
    }
}
