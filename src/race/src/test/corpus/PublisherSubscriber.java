// expect: no race
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/**
 * Items handed over by a SubmissionPublisher: what the source wrote before submitting is seen in onNext, and a
 * subscriber's calls are ordered one after another, whichever pool threads run them.
 */
public class PublisherSubscriber {
    static final class Message {
        int value;
    }

    static final class Summer implements Flow.Subscriber<Message> {
        final CountDownLatch done = new CountDownLatch(1);
        int total;
        int count;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Message m) {
            total += m.value;
            count++;
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
        Summer summer = new Summer();
        try (SubmissionPublisher<Message> publisher = new SubmissionPublisher<>()) {
            publisher.subscribe(summer);
            for (int i = 1; i <= 50; i++) {
                Message m = new Message();
                m.value = i;
                publisher.submit(m);
            }
        }
        summer.done.await();
        System.out.println(summer.total + " in " + summer.count);
    }
}
