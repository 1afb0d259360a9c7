// expect: race int[] element 7 lines 9,16
/** A loop stopped by an exception: the elements it wrote before stopping race with a plain read. */
public class SweepThrows {
    public static void main(String[] args) throws InterruptedException {
        int[] a = new int[10];
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    a[i] = i;
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                System.out.println("stopped at the end of the array");
            }
        });
        t.start();
        int x = a[7];
        t.join();
        System.out.println(x);
    }
}
