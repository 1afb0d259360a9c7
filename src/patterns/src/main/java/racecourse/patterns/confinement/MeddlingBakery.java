package racecourse.patterns.confinement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * The {@link Bakery} with one mistake: after handing a cake over, the baker goes back and checks whether it is
 * iced yet. The cake is no longer confined to one thread; the baker's read and the icer's write are not ordered
 * by any happens-before edge, which is a data race, and the race detector reports it. Not thread-safe.
 */
public final class MeddlingBakery {
    private MeddlingBakery() {
    }

    /**
     * Runs the pipeline with the meddling baker; returns how many cakes the baker found already iced when it
     * looked back (any number is possible: that is the point).
     */
    public static int run(int cakes, String flavour) throws InterruptedException {
        if (cakes < 0) throw new IllegalArgumentException("cannot bake a negative number of cakes: " + cakes);
        BlockingQueue<Cake> handoff = new SynchronousQueue<>();
        List<Cake> done = new ArrayList<>(cakes);
        int[] seenIced = new int[1];
        Thread baker = Thread.ofPlatform().name("baker").start(() -> {
            try {
                for (int i = 0; i < cakes; i++) {
                    Cake cake = new Cake(i);
                    cake.bake();
                    handoff.put(cake);
                    if (cake.icing() != null) seenIced[0]++; // reads a cake the icer may be writing right now
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread icer = Thread.ofPlatform().name("icer").start(() -> {
            try {
                for (int i = 0; i < cakes; i++) {
                    Cake cake = handoff.take();
                    cake.ice(flavour);
                    done.add(cake);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            baker.join();
            icer.join();
        } catch (InterruptedException e) {
            baker.interrupt();
            icer.interrupt();
            throw e;
        }
        return seenIced[0];
    }
}
