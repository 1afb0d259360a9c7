// expect: race int[] element 0 lines 14,17
/**
 * The values an array initializer puts in a new array are part of creating it (nothing else can see the array
 * yet), so they need no history; writes made after the array is shared are watched as usual: the worker's later
 * store races with main's read.
 */
public class ArrayInitializerLaterWrite {
    public static void main(String[] args) throws InterruptedException {
        int[] cells = new int[] {1, 2, 3};
        long[] wide = {4L, 5L};
        Object[] names = {"a", String.valueOf(cells.length), new int[] {7, 8}};
        System.out.println(String.format("%d %d %s", cells[1], wide[1], names[1]));
        Thread worker = new Thread(() -> {
            cells[0] = 10;
        });
        worker.start();
        System.out.println(cells[0]);
        worker.join();
    }
}
