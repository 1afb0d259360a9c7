// expect: no race
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A node published by a VarHandle's compareAndSet and read back through the volatile field itself. */
public class VarHandleCasVolatileRead {
    static final class Node {
        int payload;
        volatile Node next;
    }

    static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Node head = new Node();
        Thread writer = new Thread(() -> {
            Node n = new Node();
            n.payload = 42;
            NEXT.compareAndSet(head, (Node) null, n);
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
