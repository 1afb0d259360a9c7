// expect: race int[] element 50 lines 8,14
/** A loop that fills an array races with a loop that reads part of it: both are recorded when they end. */
public class SweepRacy {
    public static void main(String[] args) throws InterruptedException {
        int[] a = new int[100];
        Thread t = new Thread(() -> {
            for (int i = 0; i < a.length; i++) {
                a[i] = i;
            }
        });
        t.start();
        int s = 0;
        for (int i = 50; i < 60; i++) {
            s += a[i];
        }
        t.join();
        System.out.println(s);
    }
}
