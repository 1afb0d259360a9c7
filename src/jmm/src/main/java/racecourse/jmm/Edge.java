package racecourse.jmm;

/** One labelled edge of a relation graph, between event ids. Immutable; thread-safe. */
record Edge(int from, int to, Rel rel) {
}
