// expect: race FieldUpdaterLateWrite.Node.payload lines 19,26
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** The node's payload is written after the compareAndSet that published it: the reader may see either value. */
public class FieldUpdaterLateWrite {
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
            NEXT.compareAndSet(head, null, n);
            n.payload = 42;
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
