// expect: race ArrayInitializerPublish.shared lines 12,15
/**
 * An array made with an initializer and published through a plain field: the race is on the field that
 * published it (its initial values are part of creating it, like the zeros of {@code new int[3]}).
 */
public class ArrayInitializerPublish {
    static int[] shared;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            int base = args.length;
            shared = new int[] {base + 1, base * 2, Math.max(base, 3)};
        });
        worker.start();
        int[] seen = shared;
        System.out.println(seen == null ? "not yet" : "first " + seen[0]);
        worker.join();
    }
}
