// expect: race PublisherPeekRacy.Counter.seen lines 19,41
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/** The source reads the subscriber's count without waiting for the deliveries: nothing orders the two. */
public class PublisherPeekRacy {
    static final class Counter implements Flow.Subscriber<Integer> {
        final CountDownLatch done = new CountDownLatch(1);
        int seen;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Integer item) {
            seen++;
        }

        @Override
        public void onError(Throwable t) {
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Counter counter = new Counter();
        SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>();
        publisher.subscribe(counter);
        for (int i = 0; i < 20; i++) {
            publisher.submit(i);
        }
        publisher.close();
        System.out.println(counter.seen); // after the last signal, before waiting for onComplete
        counter.done.await();
    }
}
