// expect: no race
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A producer fills each item, then hands it over a queue; the consumer owns it from then on. */
public class PipelineHandoff {
    static final class Item {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(4);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 10; i++) {
                Item item = new Item();
                item.value = i;
                try {
                    queue.put(item);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread consumer = new Thread(() -> {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                try {
                    Item item = queue.take();
                    item.value *= 2;
                    sum += item.value;
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println(sum);
        });
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
    }
}
