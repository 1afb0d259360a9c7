// expect: race DoubleCheckedNoVolatile.instance lines 11,14
/** Double-checked locking without volatile: the unlocked first check races with the locked write. */
public class DoubleCheckedNoVolatile {
    static final class Config {
        int port = 8080;
    }

    private static Config instance;

    static Config get() {
        if (instance == null) { // race
            synchronized (DoubleCheckedNoVolatile.class) {
                if (instance == null) {
                    instance = new Config(); // race
                }
            }
        }
        return instance;
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
