// expect: race PipelineHandoffRacy.Item.value lines 15,20
import java.util.concurrent.LinkedBlockingQueue;

/** The producer keeps writing an item after handing it over: that write is not ordered with the consumer. */
public class PipelineHandoffRacy {
    static final class Item {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        Thread producer = new Thread(() -> {
            Item item = new Item();
            queue.add(item);
            item.value = 1; // race
        });
        Thread consumer = new Thread(() -> {
            try {
                Item item = queue.take();
                System.out.println(item.value); // race
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
    }
}
