package racecourse.race.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import racecourse.race.edges.CallSpec;

/** Which calls hand a map's function to the hook that models the map's lock, and which do not. */
class CallRulesTests {
    private static final String BIFUNCTION = "(Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;";
    private static final String FUNCTION = "(Ljava/lang/Object;Ljava/util/function/Function;)Ljava/lang/Object;";
    private static final String MERGE = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;";

    @Test
    void theComputeFamilyOfEveryMapTypeWrapsItsFunction() {
        for (String owner : new String[] {"java/util/Map", "java/util/concurrent/ConcurrentMap",
                "java/util/concurrent/ConcurrentHashMap", "java/util/Hashtable", "java/util/HashMap"}) {
            Rule compute = CallRules.classify(Opcodes.INVOKEINTERFACE, owner, "compute", BIFUNCTION);
            assertNotNull(compute, owner);
            assertArrayEquals(new int[] {0, CallSpec.WRAP_LOCKED_BIFUNCTION}, compute.wrap(), owner);
            assertEquals(0, compute.flags() & CallSpec.TASK_RESULT, owner + ": the result is a value, not a task");
            Rule absent = CallRules.classify(Opcodes.INVOKEINTERFACE, owner, "computeIfAbsent", FUNCTION);
            assertArrayEquals(new int[] {0, CallSpec.WRAP_LOCKED_FUNCTION}, absent.wrap(), owner);
            Rule merge = CallRules.classify(Opcodes.INVOKEINTERFACE, owner, "merge", MERGE);
            assertArrayEquals(new int[] {0, 0, CallSpec.WRAP_LOCKED_BIFUNCTION}, merge.wrap(), owner);
        }
    }

    @Test
    void collectionCallbacksThatSynchronizedCollectionsRunLockedAreWrapped() {
        assertArrayEquals(new int[] {CallSpec.WRAP_LOCKED_CONSUMER}, CallRules.classify(Opcodes.INVOKEINTERFACE,
                "java/lang/Iterable", "forEach", "(Ljava/util/function/Consumer;)V").wrap());
        assertArrayEquals(new int[] {CallSpec.WRAP_LOCKED_BICONSUMER}, CallRules.classify(Opcodes.INVOKEINTERFACE,
                "java/util/Map", "forEach", "(Ljava/util/function/BiConsumer;)V").wrap());
        assertArrayEquals(new int[] {CallSpec.WRAP_LOCKED_PREDICATE}, CallRules.classify(Opcodes.INVOKEINTERFACE,
                "java/util/List", "removeIf", "(Ljava/util/function/Predicate;)Z").wrap());
        assertArrayEquals(new int[] {CallSpec.WRAP_LOCKED_UNARY}, CallRules.classify(Opcodes.INVOKEVIRTUAL,
                "java/util/Vector", "replaceAll", "(Ljava/util/function/UnaryOperator;)V").wrap());
        assertArrayEquals(new int[] {CallSpec.WRAP_LOCKED_COMPARATOR}, CallRules.classify(Opcodes.INVOKEINTERFACE,
                "java/util/List", "sort", "(Ljava/util/Comparator;)V").wrap());
        assertArrayEquals(new int[] {CallSpec.WRAP_LOCKED_BIFUNCTION}, CallRules.classify(Opcodes.INVOKEINTERFACE,
                "java/util/Map", "replaceAll", "(Ljava/util/function/BiFunction;)V").wrap());
    }

    @Test
    void otherFunctionsAndOtherClassesAreNotWrapped() {
        Rule stream = CallRules.classify(Opcodes.INVOKEINTERFACE, "java/util/stream/Stream", "forEach",
                "(Ljava/util/function/Consumer;)V");
        assertNull(stream == null ? null : stream.wrap());
        Rule queue = CallRules.classify(Opcodes.INVOKEVIRTUAL, "java/util/concurrent/ConcurrentLinkedQueue",
                "removeIf", "(Ljava/util/function/Predicate;)Z");
        assertNull(queue == null ? null : queue.wrap());
        Rule sortArray = CallRules.classify(Opcodes.INVOKESTATIC, "java/util/Arrays", "sort",
                "([Ljava/lang/Object;Ljava/util/Comparator;)V");
        assertNull(sortArray == null ? null : sortArray.wrap());
        assertNull(CallRules.classify(Opcodes.INVOKEVIRTUAL, "com/example/Cache", "compute", BIFUNCTION));
        Rule stage = CallRules.classify(Opcodes.INVOKEVIRTUAL, "java/util/concurrent/CompletableFuture",
                "thenApply", "(Ljava/util/function/Function;)Ljava/util/concurrent/CompletableFuture;");
        assertArrayEquals(new int[] {CallSpec.WRAP_FUNCTION}, stage.wrap());
    }

    @Test
    void aSubmissionPublisherReleasesWhenItPublishesAndNotesItsSubscribers() {
        String pub = "java/util/concurrent/SubmissionPublisher";
        Rule submit = CallRules.classify(Opcodes.INVOKEVIRTUAL, pub, "submit", "(Ljava/lang/Object;)I");
        assertEquals(CallSpec.RELEASE, submit.flags());
        Rule close = CallRules.classify(Opcodes.INVOKEVIRTUAL, pub, "close", "()V");
        assertEquals(CallSpec.RELEASE, close.flags(), "close is a signal to the subscribers, not a wait");
        assertNull(CallRules.classify(Opcodes.INVOKEVIRTUAL, pub, "estimateMaximumLag", "()I"));
        Rule subscribe = CallRules.classify(Opcodes.INVOKEVIRTUAL, pub, "subscribe",
                "(Ljava/util/concurrent/Flow$Subscriber;)V");
        assertArrayEquals(new int[] {CallSpec.WRAP_SUBSCRIBER}, subscribe.wrap());
        Rule executorClose = CallRules.classify(Opcodes.INVOKEINTERFACE, "java/util/concurrent/ExecutorService",
                "close", "()V");
        assertEquals(CallSpec.ACQUIRE, executorClose.flags() & CallSpec.ACQUIRE, "an executor's close still waits");
    }

    @Test
    void threadLocalAccessesAcquireTheThreadsConfinementAndInvokeAnyAcquiresItsResult() {
        for (String name : new String[] {"get", "set", "remove"}) {
            String desc = name.equals("get") ? "()Ljava/lang/Object;" : name.equals("set") ? "(Ljava/lang/Object;)V" : "()V";
            Rule r = CallRules.classify(Opcodes.INVOKEVIRTUAL, "java/lang/ThreadLocal", name, desc);
            assertEquals(CallSpec.CONFINED, r.flags(), name);
            assertEquals(CallSpec.CONFINED, r.flags() & CallSpec.AFTER, name + " is handled after the call");
        }
        assertNull(CallRules.classify(Opcodes.INVOKESTATIC, "java/lang/ThreadLocal", "withInitial",
                "(Ljava/util/function/Supplier;)Ljava/lang/ThreadLocal;"));
        Rule any = CallRules.classify(Opcodes.INVOKEINTERFACE, "java/util/concurrent/ExecutorService", "invokeAny",
                "(Ljava/util/Collection;)Ljava/lang/Object;");
        assertEquals(CallSpec.ACQUIRE, any.flags() & (CallSpec.ACQUIRE | CallSpec.RELEASE));
        assertArrayEquals(new int[] {CallSpec.WRAP_CALLABLES}, any.wrap());
    }
}
