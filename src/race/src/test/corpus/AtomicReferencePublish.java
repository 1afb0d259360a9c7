// expect: no race
import java.util.concurrent.atomic.AtomicReference;

/** An object built, then published through an AtomicReference. */
public class AtomicReferencePublish {
    static final class Settings {
        String theme;
        int fontSize;
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicReference<Settings> current = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            Settings s = new Settings();
            s.theme = "dark";
            s.fontSize = 14;
            current.set(s);
        });
        Thread reader = new Thread(() -> {
            Settings s = current.get();
            if (s != null) {
                System.out.println(s.theme + " " + s.fontSize);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
