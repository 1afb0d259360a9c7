// expect: race int[] element 0 lines 6,7
/** Two threads write the same array element. */
public class ArrayElementRacy {
    public static void main(String[] args) throws InterruptedException {
        int[] cells = new int[2];
        Thread a = new Thread(() -> cells[0] = 1); // race
        Thread b = new Thread(() -> cells[0] = 2); // race
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(cells[0]);
    }
}
