// expect: 8/10 over-synchronized but correct: a plain synchronized balance next to an idle thread breaks the confinement rule
class Teller implements AutoCloseable {
    private final Thread worker;
    private int balance; // guarded by this

    Teller() {
        worker = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // closing
            }
        });
        worker.start();
    }

    synchronized void deposit(int amount) {
        balance += amount;
    }

    synchronized int balance() {
        return balance;
    }

    @Override
    public synchronized void close() {
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
