package racecourse.patterns.confinement;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import racecourse.patterns.bank.Bank;

/**
 * A bank whose balance is confined to one thread, the teller. The balance is a local variable of the teller's
 * loop, so no other thread can even name it; customers send {@link Request}s through a {@link BlockingQueue} and
 * wait for replies on a {@link CompletableFuture}. No lock guards the balance because only one thread ever
 * touches it; the queue and the future carry the happens-before edges between customer and teller.
 * Thread-safe.
 *
 * <p>Memory consistency effects: actions of a customer before it sends a request happen-before the teller
 * handles it ({@link BlockingQueue}); the teller's actions before it completes a reply happen-before the
 * customer's return from the call that waited for it ({@link CompletableFuture}).
 */
public final class Teller implements Bank, AutoCloseable {
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /** Opens the counter: starts the teller thread with a balance of zero. */
    public Teller() {
        thread = Thread.ofPlatform().daemon().name("teller").start(this::serve);
    }

    private void serve() {
        try {
            loop();
        } finally {
            closed = true;
            refuseWaiting();
        }
    }

    private void loop() {
        int balance = 0; // confined: a local variable of this thread, reachable from nowhere else
        while (true) {
            Request request;
            try {
                request = requests.take();
            } catch (InterruptedException e) {
                return;
            }
            switch (request) {
                case Request.Deposit(int amount) -> balance += amount;
                case Request.Withdraw(int amount, CompletableFuture<Boolean> reply) -> {
                    boolean covered = balance >= amount;
                    if (covered) balance -= amount;
                    reply.complete(covered);
                }
                case Request.Balance(CompletableFuture<Integer> reply) -> reply.complete(balance);
                case Request.Close() -> {
                    return;
                }
            }
        }
    }

    /** Hands a request to the teller; the way to add operations without adding methods. */
    public void send(Request request) {
        if (closed) throw new IllegalStateException("the teller has closed the counter");
        requests.add(request);
        if (closed) refuseWaiting(); // closed while we were adding: nobody else will answer it
    }

    /** Answers every request still queued after the teller stopped with an error, so no customer waits forever. */
    private void refuseWaiting() {
        IllegalStateException refused = new IllegalStateException("the teller has closed the counter");
        for (Request left; (left = requests.poll()) != null; ) {
            switch (left) {
                case Request.Withdraw(int amount, CompletableFuture<Boolean> reply) -> reply.completeExceptionally(refused);
                case Request.Balance(CompletableFuture<Integer> reply) -> reply.completeExceptionally(refused);
                case Request.Deposit d -> { } // nobody waits for a deposit
                case Request.Close c -> { }
            }
        }
    }

    @Override
    public void deposit(int amount) {
        send(new Request.Deposit(amount));
    }

    @Override
    public boolean withdraw(int amount) {
        CompletableFuture<Boolean> reply = new CompletableFuture<>();
        send(new Request.Withdraw(amount, reply));
        return await(reply);
    }

    @Override
    public int balance() {
        CompletableFuture<Integer> reply = new CompletableFuture<>();
        send(new Request.Balance(reply));
        return await(reply);
    }

    /** Whether the teller thread is still serving. */
    public boolean isOpen() {
        return !closed;
    }

    /** Lets the teller finish the requests already queued, then stops it and waits for it to end. */
    @Override
    public void close() {
        if (!thread.isAlive()) return;
        requests.add(new Request.Close());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T await(CompletableFuture<T> reply) {
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the teller", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalStateException refused) throw refused;
            throw new IllegalStateException("the teller failed", e.getCause());
        }
    }
}
