package racecourse.patterns.confinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import racecourse.experiment.StartGate;
import racecourse.experiment.Workers;

@Timeout(30)
class TellerTests {
    @Test
    void servesOneCustomer() {
        try (Teller teller = new Teller()) {
            teller.deposit(100);
            assertTrue(teller.withdraw(30));
            assertFalse(teller.withdraw(1000));
            assertEquals(70, teller.balance());
        }
    }

    @Test
    void manyCustomersLoseNothing() {
        try (Teller teller = new Teller()) {
            StartGate gate = new StartGate(4);
            AtomicInteger withdrawn = new AtomicInteger();
            List<Thread> customers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                customers.add(Thread.ofPlatform().start(() -> {
                    gate.arriveAndAwait();
                    for (int i = 0; i < 20_000; i++) {
                        teller.deposit(2);
                        if (i % 10 == 0 && teller.withdraw(1)) withdrawn.incrementAndGet();
                    }
                }));
            }
            gate.openWhenAllArrived();
            Workers.joinAll(customers);
            assertEquals(4 * 20_000 * 2 - withdrawn.get(), teller.balance());
            assertEquals(4 * 2_000, withdrawn.get(), "every withdrawal of 1 was covered");
        }
    }

    @Test
    void requestsCanBeSentDirectly() throws Exception {
        try (Teller teller = new Teller()) {
            teller.send(new Request.Deposit(5));
            CompletableFuture<Integer> reply = new CompletableFuture<>();
            teller.send(new Request.Balance(reply));
            assertEquals(5, reply.get());
        }
    }

    @Test
    void aClosedTellerRefusesClearly() {
        Teller teller = new Teller();
        teller.deposit(10);
        teller.close();
        assertFalse(teller.isOpen());
        IllegalStateException e = assertThrows(IllegalStateException.class, teller::balance);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        teller.close(); // closing twice is harmless
    }
}
