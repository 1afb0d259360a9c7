// expect: race int[] element 0 lines 11,15
// expect: race long[] element 2 lines 12,15
import java.util.Arrays;

/** Bulk JDK array operations touch elements: a fill and an arraycopy race with plain reads. */
public class BulkArrayRacy {
    public static void main(String[] args) throws InterruptedException {
        int[] a = new int[4];
        long[] b = new long[4];
        Thread t = new Thread(() -> {
            Arrays.fill(a, 7);
            System.arraycopy(new long[] {1, 2, 3, 4}, 0, b, 0, 4);
        });
        t.start();
        System.out.println(a[0] + b[2]);
        t.join();
    }
}
