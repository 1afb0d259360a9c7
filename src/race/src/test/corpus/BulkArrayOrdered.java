// expect: no race
import java.util.Arrays;

/** Bulk operations on disjoint ranges, and on the whole array after join, are ordered or apart. */
public class BulkArrayOrdered {
    public static void main(String[] args) throws InterruptedException {
        int[] a = new int[100];
        Thread left = new Thread(() -> Arrays.fill(a, 0, 50, 1));
        Thread right = new Thread(() -> {
            Arrays.fill(a, 50, 100, 2);
            Arrays.sort(a, 50, 100);
        });
        left.start();
        right.start();
        left.join();
        right.join();
        Arrays.sort(a);
        int[] copy = Arrays.copyOf(a, a.length);
        System.out.println(Arrays.toString(Arrays.copyOfRange(copy, 0, 3)));
    }
}
