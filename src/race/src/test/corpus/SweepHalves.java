// expect: no race
/** Two threads fill the two halves of one array, each in a loop of its own: no element is shared. */
public class SweepHalves {
    public static void main(String[] args) throws InterruptedException {
        int[] a = new int[1000];
        Thread t = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                a[i] = i;
            }
        });
        t.start();
        for (int i = 500; i < a.length; i++) {
            a[i]++;
        }
        t.join();
        long sum = 0;
        for (int x : a) {
            sum += x;
        }
        System.out.println(sum);
    }
}
