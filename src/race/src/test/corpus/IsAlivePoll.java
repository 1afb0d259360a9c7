// expect: no race
/** The main thread polls isAlive() until it returns false, then reads what the worker wrote (JLS 17.4.4). */
public class IsAlivePoll {
    static int result;

    public static void main(String[] args) {
        Thread worker = new Thread(() -> result = 42);
        worker.start();
        while (worker.isAlive()) {
            Thread.onSpinWait();
        }
        System.out.println(result);
    }
}
