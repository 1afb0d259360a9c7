package racecourse.patterns.rwlock;

/**
 * A board of prices that many threads read and a few update: the read-mostly shape for which read/write locks
 * exist. A read ({@link #total}) looks at every price, so it takes long enough for readers to overlap; a write
 * ({@link #set}, {@link #move}) changes one or two. Implementations say whether they are thread-safe.
 */
public interface PriceBoard {
    /** How many prices the board holds. */
    int size();

    /** Sets the price of {@code item}. */
    void set(int item, long price);

    /** Moves {@code amount} from one price to another in one step, so the total does not change. */
    void move(int from, int to, long amount);

    /** The price of {@code item}. */
    long price(int item);

    /** The sum of all prices, read as one consistent snapshot. */
    long total();
}
