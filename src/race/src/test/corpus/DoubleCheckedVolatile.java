// expect: no race
/** Double-checked locking with a volatile field: correct since Java 5. */
public class DoubleCheckedVolatile {
    static final class Config {
        int port = 8080;
    }

    private static volatile Config instance;

    static Config get() {
        Config c = instance;
        if (c == null) {
            synchronized (DoubleCheckedVolatile.class) {
                c = instance;
                if (c == null) {
                    c = new Config();
                    instance = c;
                }
            }
        }
        return c;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> System.out.println(get().port));
        Thread b = new Thread(() -> System.out.println(get().port));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
