public class ThrowsNoRace {
    public static void main(String[] args) {
        throw new IllegalArgumentException("boom without a race");
    }
}
