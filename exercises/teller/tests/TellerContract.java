import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import racecourse.grader.api.Contract;

/** The methods the learner's {@code Teller} must have, with helpers the tests share. */
@Contract("Teller")
public interface TellerContract extends AutoCloseable {
    void deposit(int amount);

    int balance();

    @Override
    void close();

    /** Calls {@code close} and fails the test when it has not returned within {@code limit}. */
    static void closeWithin(TellerContract teller, Duration limit) {
        CompletableFuture<Void> done = CompletableFuture.runAsync(teller::close, r -> {
            Thread t = new Thread(r, "closer");
            t.setDaemon(true);
            t.start();
        });
        try {
            done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("close() did not return within " + limit.toMillis()
                    + " ms: does it tell the teller's thread to stop before waiting for it?");
        } catch (Exception e) {
            throw new AssertionError("close() threw " + e.getCause(), e.getCause());
        }
    }

    /** The threads alive now. */
    static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }
}
