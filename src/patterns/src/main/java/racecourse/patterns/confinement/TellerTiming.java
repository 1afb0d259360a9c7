package racecourse.patterns.confinement;

import racecourse.measure.Timing;
import racecourse.patterns.bank.LostUpdates;
import racecourse.patterns.bank.UnsafeBank;

/**
 * One run of lesson 03's timing, meant for a child JVM started by {@link Timing}: a short unreported warm-up, then
 * one trial of the teller and one of the unsafe bank, each printed as a {@code measure} line of milliseconds per
 * trial. Exits 1 if the teller lost a deposit, so that a broken teller never yields a number. Thread-safe (a main;
 * its state is its own).
 */
public final class TellerTiming {
    private TellerTiming() {
    }

    /** Arguments: customers and deposits per customer. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: TellerTiming CUSTOMERS DEPOSITS_PER_CUSTOMER");
            System.exit(2);
        }
        int customers = Integer.parseInt(args[0]);
        int perCustomer = Integer.parseInt(args[1]);
        LostUpdates.measure(Teller::new, customers, Math.max(1, perCustomer / 10), 1);
        LostUpdates.measure(UnsafeBank::new, customers, Math.max(1, perCustomer / 10), 1);
        long start = System.nanoTime();
        LostUpdates.Run teller = LostUpdates.measure(Teller::new, customers, perCustomer, 1);
        double tellerMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        LostUpdates.measure(UnsafeBank::new, customers, perCustomer, 1);
        double unsafeMs = (System.nanoTime() - start) / 1e6;
        if (teller.totalLost() != 0) {
            System.err.println("the teller lost " + teller.totalLost() + " deposits");
            System.exit(1);
        }
        System.out.println(Timing.line("teller", tellerMs));
        System.out.println(Timing.line("unsafe bank", unsafeMs));
    }
}
