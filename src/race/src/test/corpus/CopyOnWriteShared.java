// expect: no race
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two threads add to a CopyOnWriteArrayList, which is thread-safe. */
public class CopyOnWriteShared {
    public static void main(String[] args) throws InterruptedException {
        List<Integer> list = new CopyOnWriteArrayList<>();
        Thread a = new Thread(() -> list.add(1));
        Thread b = new Thread(() -> list.add(2));
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(list.size());
    }
}
