// expect: race VirtualThreadsRacy.count lines 7,8
/** Virtual threads race like platform threads. */
public class VirtualThreadsRacy {
    static int count;

    public static void main(String[] args) throws InterruptedException {
        Thread a = Thread.startVirtualThread(() -> count++); // race
        Thread b = Thread.ofVirtual().name("vt-b").start(() -> count++); // race
        a.join();
        b.join();
        System.out.println(count);
    }
}
