// expect: no race
/** Two threads write different elements of one array: confinement by index. */
public class ArrayDisjoint {
    public static void main(String[] args) throws InterruptedException {
        long[] cells = new long[2];
        Thread a = new Thread(() -> { for (int i = 0; i < 100; i++) cells[0] += i; });
        Thread b = new Thread(() -> { for (int i = 0; i < 100; i++) cells[1] += i; });
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(cells[0] + cells[1]);
    }
}
