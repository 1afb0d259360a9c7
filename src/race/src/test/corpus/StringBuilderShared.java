// expect: race StringBuilder lines 6,7
/** Two threads append to one StringBuilder, which is not thread-safe. */
public class StringBuilderShared {
    public static void main(String[] args) throws InterruptedException {
        StringBuilder log = new StringBuilder();
        Thread a = new Thread(() -> log.append("a")); // race
        Thread b = new Thread(() -> log.append("b")); // race
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(log);
    }
}
