// expect: no race
import java.util.concurrent.ConcurrentHashMap;

/** An object put into a ConcurrentHashMap is seen fully built by the thread that gets it. */
public class ConcurrentMapPublish {
    static final class User {
        String name;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentHashMap<Integer, User> users = new ConcurrentHashMap<>();
        Thread writer = new Thread(() -> {
            User u = new User();
            u.name = "ada";
            users.put(1, u);
        });
        Thread reader = new Thread(() -> {
            User u = users.get(1);
            if (u != null) {
                System.out.println(u.name);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
    }
}
