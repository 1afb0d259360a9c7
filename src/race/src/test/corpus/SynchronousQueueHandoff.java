// expect: no race
import java.util.concurrent.SynchronousQueue;

/** A handoff through a SynchronousQueue: what the giver wrote before put is seen after take. */
public class SynchronousQueueHandoff {
    static final class Box {
        String content;
    }

    public static void main(String[] args) throws InterruptedException {
        SynchronousQueue<Box> q = new SynchronousQueue<>();
        Thread giver = new Thread(() -> {
            Box b = new Box();
            b.content = "gift";
            try {
                q.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        giver.start();
        Box got = q.take();
        got.content = got.content.toUpperCase();
        System.out.println(got.content);
        giver.join();
    }
}
