package racecourse.explore.junit;

import racecourse.explore.ExploreOptions;
import racecourse.explore.Explorer;
import racecourse.explore.program.MethodProgram;
import racecourse.explore.report.ExploreResult;

/**
 * The call the grader and the JUnit extension use: run one test method of a class under the explorer with a
 * stated strategy, seed and budget, and get the outcomes back with the witness of a failure and the one line that
 * replays it ({@link ExploreResult#witness()}, {@link ExploreResult#replayLine()}). Thread-safe (stateless).
 */
public final class ExploreRunner {
    private ExploreRunner() {
    }

    /**
     * Explores {@code testClass.method()} (no arguments; a fresh instance per schedule).
     *
     * @throws IllegalArgumentException when the class has no such method
     */
    public static ExploreResult runTest(Class<?> testClass, String method, ExploreOptions options) {
        MethodProgram program;
        try {
            program = new MethodProgram(testClass, method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(testClass.getName() + " has no method " + method + "()", e);
        }
        String hint = "@ExploreTest(replay = \"%s\") on " + testClass.getSimpleName() + "." + method;
        return Explorer.explore(program, options, hint);
    }
}
