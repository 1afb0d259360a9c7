// expect: race ThreadSubclass.shared lines 8,14
/** A Thread subclass overriding run(); the main thread reads without joining first. */
public class ThreadSubclass extends Thread {
    static int shared;

    @Override
    public void run() {
        shared = 1; // race
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadSubclass t = new ThreadSubclass();
        t.start();
        System.out.println(shared); // race
        t.join();
    }
}
