// expect: race LazyInitRacy.table lines 7,8
/** Lazy initialization with no synchronization at all. */
public class LazyInitRacy {
    private int[] table;

    int[] table() {
        if (table == null) { // race
            table = new int[] {1, 2, 3}; // race
        }
        return table;
    }

    public static void main(String[] args) throws InterruptedException {
        LazyInitRacy l = new LazyInitRacy();
        Thread a = new Thread(() -> l.table());
        Thread b = new Thread(() -> l.table());
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
