public class Hang {
    public static void main(String[] args) throws InterruptedException {
        Object never = new Object();
        synchronized (never) {
            never.wait();
        }
    }
}
