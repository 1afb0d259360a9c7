package racecourse.explore.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import racecourse.explore.ExploreOptions;
import racecourse.explore.report.ExploreResult;

/**
 * Runs an {@link ExploreTest} method under the explorer instead of once. Thread-safe (stateless).
 */
public final class ExploreExtension implements InvocationInterceptor {
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        invocation.skip();
        Method m = call.getExecutable();
        ExploreTest a = m.getAnnotation(ExploreTest.class);
        ExploreOptions options = new ExploreOptions(a.strategy(), a.bound(), a.schedules(), a.seed(), 3, a.maxSteps(),
                63, a.replay().isEmpty() ? null : a.replay(), true);
        ExploreResult r = ExploreRunner.runTest(m.getDeclaringClass(), m.getName(), options);
        context.publishReportEntry("explore", r.schedules() + " schedules, " + r.outcomes().size() + " outcomes");
        if (r.failed()) throw new AssertionFailedError(r.text());
    }
}
