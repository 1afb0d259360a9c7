// expect: no race
/** Writes before start are seen by the thread; its writes are seen after join. */
public class JoinPublish {
    int input;
    int output;

    public static void main(String[] args) throws InterruptedException {
        JoinPublish p = new JoinPublish();
        p.input = 21;
        Thread t = new Thread(() -> p.output = p.input * 2);
        t.start();
        t.join();
        p.input = 0;
        System.out.println(p.output);
    }
}
