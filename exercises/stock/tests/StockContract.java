import racecourse.grader.api.Contract;

/** The methods the learner's {@code Stock} must have; tests call it through this interface. */
@Contract("Stock")
public interface StockContract {
    void add(int shelf, int items);

    boolean move(int from, int to, int items);

    int count(int shelf);

    int total();
}
