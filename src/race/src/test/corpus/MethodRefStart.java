// expect: no race
import java.util.ArrayList;
import java.util.List;

/** Threads started through a method reference still see what was written before the start. */
public class MethodRefStart {
    static int[] inputs = new int[4];

    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int me = i;
            threads.add(new Thread(() -> System.out.println(inputs[me])));
        }
        for (int i = 0; i < 4; i++) {
            inputs[i] = i * 10;
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }
}
