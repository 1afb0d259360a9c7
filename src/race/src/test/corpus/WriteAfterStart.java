// expect: race WriteAfterStart.message lines 8,10
/** The main thread writes after start(): the started thread's read is not ordered with it. */
public class WriteAfterStart {
    String message = "hello";

    public static void main(String[] args) throws InterruptedException {
        WriteAfterStart w = new WriteAfterStart();
        Thread t = new Thread(() -> System.out.println(w.message)); // race
        t.start();
        w.message = "bye"; // race
        t.join();
    }
}
