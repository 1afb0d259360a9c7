package racecourse.patterns.confinement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * A two-stage pipeline: a baker thread bakes cakes and hands each one to an icer thread through a
 * {@link SynchronousQueue}, a handoff with no room in it (the baker waits until the icer takes the cake). Each
 * {@link Cake} is confined to the baker until the handoff and to the icer after it. The handoff is also a
 * happens-before edge: everything the baker did to the cake is visible to the icer, so the cake's plain fields
 * need no lock and a race detector finds nothing. Thread-safe (each call builds its own pipeline).
 */
public final class Bakery {
    private Bakery() {
    }

    /** Bakes and ices {@code cakes} cakes; returns them in the order they came off the line. */
    public static List<Cake> run(int cakes, String flavour) throws InterruptedException {
        if (cakes < 0) throw new IllegalArgumentException("cannot bake a negative number of cakes: " + cakes);
        BlockingQueue<Cake> handoff = new SynchronousQueue<>();
        List<Cake> done = new ArrayList<>(cakes); // confined to the icer until the join below
        Thread baker = Thread.ofPlatform().name("baker").start(() -> {
            try {
                for (int i = 0; i < cakes; i++) {
                    Cake cake = new Cake(i);
                    cake.bake();
                    handoff.put(cake); // from here on the cake belongs to the icer
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
            icer.join(); // join: the icer's writes to the cakes and the list happen-before we return them
        } catch (InterruptedException e) {
            baker.interrupt();
            icer.interrupt();
            throw e;
        }
        return done;
    }
}
