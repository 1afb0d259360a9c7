// expect: no race
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** A node published by a field updater's compareAndSet and read back through the volatile field itself. */
public class FieldUpdaterPublish {
    static final class Node {
        int payload;
        volatile Node next;
    }

    static final AtomicReferenceFieldUpdater<Node, Node> NEXT =
            AtomicReferenceFieldUpdater.newUpdater(Node.class, Node.class, "next");

    public static void main(String[] args) throws InterruptedException {
        Node head = new Node();
        Thread writer = new Thread(() -> {
            Node n = new Node();
            n.payload = 42;
            NEXT.compareAndSet(head, null, n);
        });
        writer.start();
        Node n;
        while ((n = head.next) == null) {
            Thread.onSpinWait();
        }
        System.out.println(n.payload);
        writer.join();
    }
}
