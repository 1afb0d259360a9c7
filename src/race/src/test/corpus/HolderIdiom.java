// expect: no race
/** Lazy initialization with the holder idiom: class initialization publishes the instance. */
public class HolderIdiom {
    static final class Config {
        int port = 8080;
    }

    private static final class Holder {
        static Config instance = new Config();
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> System.out.println(Holder.instance.port));
        Thread b = new Thread(() -> System.out.println(Holder.instance.port));
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
