// expect: 6/16 races racy: no lock at all, so adds are lost, moves overdraw and readers see moves half-done
class Stock {
    private final int[] counts;

    Stock(int shelves) {
        counts = new int[shelves];
    }

    void add(int shelf, int items) {
        counts[shelf] += items;
    }

    boolean move(int from, int to, int items) {
        if (counts[from] < items) {
            return false;
        }
        counts[from] -= items;
        counts[to] += items;
        return true;
    }

    int count(int shelf) {
        return counts[shelf];
    }

    int total() {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }
}
