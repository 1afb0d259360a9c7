// expect: race TwoVariablesSameLines.x lines 11,15
// expect: race TwoVariablesSameLines.y lines 11,15
/** Two variables race at the same pair of lines: both races are reported, not one hiding the other. */
public class TwoVariablesSameLines {
    static int x;
    static int y;

    public static void main(String[] args) throws InterruptedException {
        Thread t = new Thread(() -> {
            for (int i = 0; i < 2; i++) {
                x = y + i; y = x + i;
            }
        });
        t.start();
        System.out.println(x + y);
        t.join();
    }
}
