// expect: race ArrayList lines 9,10
import java.util.ArrayList;
import java.util.List;

/** Two threads add to one ArrayList. */
public class ArrayListShared {
    public static void main(String[] args) throws InterruptedException {
        List<Integer> list = new ArrayList<>();
        Thread a = new Thread(() -> list.add(1)); // race
        Thread b = new Thread(() -> list.add(2)); // race
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(list.size());
    }
}
