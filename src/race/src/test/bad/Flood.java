public class Flood {
    static int a, b, c, d, e, f;

    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> {
            a = 1;
            b = 1;
            c = 1;
            d = 1;
            e = 1;
            f = 1;
        });
        t.start();
        a = 2;
        b = 2;
        c = 2;
        d = 2;
        e = 2;
        f = 2;
        t.join();
    }
}
