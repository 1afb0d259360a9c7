// expect: no race
/** A one-slot mailbox with wait and notifyAll. */
public class WaitNotify {
    private String message; // guarded by this

    synchronized void put(String m) {
        message = m;
        notifyAll();
    }

    synchronized String take() throws InterruptedException {
        while (message == null) {
            wait();
        }
        return message;
    }

    public static void main(String[] args) throws InterruptedException {
        WaitNotify box = new WaitNotify();
        Thread sender = new Thread(() -> box.put("ping"));
        sender.start();
        System.out.println(box.take());
        sender.join();
    }
}
