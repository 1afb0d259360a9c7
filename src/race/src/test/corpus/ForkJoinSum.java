// expect: no race
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;

/** Fork/join: a RecursiveTask sums with fork/join; a RecursiveAction doubles with invokeAll; the caller reads. */
public class ForkJoinSum {
    static final class Sum extends RecursiveTask<Long> {
        final int[] a;
        final int lo;
        final int hi;

        Sum(int[] a, int lo, int hi) {
            this.a = a;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected Long compute() {
            if (hi - lo <= 100) {
                long s = 0;
                for (int i = lo; i < hi; i++) {
                    s += a[i];
                }
                return s;
            }
            int mid = (lo + hi) >>> 1;
            Sum left = new Sum(a, lo, mid);
            left.fork();
            long right = new Sum(a, mid, hi).compute();
            return right + left.join();
        }
    }

    static final class Double extends RecursiveAction {
        final int[] a;
        final int lo;
        final int hi;

        Double(int[] a, int lo, int hi) {
            this.a = a;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo <= 100) {
                for (int i = lo; i < hi; i++) {
                    a[i] *= 2;
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Double(a, lo, mid), new Double(a, mid, hi));
        }
    }

    public static void main(String[] args) {
        int[] a = new int[5_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = 1;
        }
        ForkJoinPool pool = new ForkJoinPool(2);
        pool.invoke(new Double(a, 0, a.length));
        long total = pool.invoke(new Sum(a, 0, a.length));
        System.out.println(total + " " + a[4_999]);
        pool.shutdown();
    }
}
