package racecourse.kernel;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import racecourse.display.Display;
import racecourse.display.MimeBundle;
import racecourse.display.Renderers;
import racecourse.kernel.execution.CellRun;
import racecourse.kernel.magic.Magics;
import racecourse.kernel.output.OutputRouter;
import racecourse.kernel.session.CellHistory;
import racecourse.kernel.session.CellResult;
import racecourse.kernel.session.JShellSession;
import racecourse.kernel.trace.StartupTrace;

/**
 * The Racecourse Jupyter kernel: Java 25 cells run by JShell in this JVM, rich output through
 * {@link racecourse.display.Display}, output of every thread routed to its cell, interrupts that stop the cell's
 * threads, and errors a learner can read. Cells execute one at a time; interrupts and output arrive from other
 * threads.
 */
public final class RacecourseKernel extends BaseKernel {
    private final CompletableFuture<Cells> cells;
    private final KernelConfig config;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("racecourse-watchdog").factory());
    private final List<CellRun> stoppedRuns = Collections.synchronizedList(new ArrayList<>());
    private volatile OutputRouter router;
    private volatile JupyterConnection connection;
    private volatile CellRun executing;

    /** The JShell session and the magics that run on it, made once start-up has built them. */
    record Cells(JShellSession session, Magics magics) {
    }

    RacecourseKernel(KernelConfig config, CompletableFuture<Cells> cells) {
        super("racecourse", KernelConfig.VERSION,
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("java")
                        .build(),
                List.of(new org.dflib.jjava.jupyter.kernel.HelpLink("Java 25 API",
                        "https://docs.oracle.com/en/java/javase/25/docs/api/")),
                new CellHistory(), new JupyterIO(java.nio.charset.StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, new MagicsRegistry(), false, new StringStyler.Builder().build());
        this.config = config;
        this.cells = cells;
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        this.connection = connection;
    }

    /** Installs the permanent output routing and the display sink; call once, after connecting. */
    void startRouting(PrintStream log) {
        router = new OutputRouter(this::publishStream, log, config.outputLimit());
        router.install();
        Display.install(this::publishDisplay);
    }

    private void publishStream(CellRun run, boolean stderr, String text) {
        if (!(run.context() instanceof MessageContext context)) {
            return;
        }
        connection.getIOPub().sendMessage(new Message<>(context, PublishStream.MESSAGE_TYPE,
                new PublishStream(stderr ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text)));
    }

    private void publishDisplay(MimeBundle bundle, String displayId, boolean update) {
        CellRun run = CellRun.current();
        if (run == null || !(run.context() instanceof MessageContext)) run = executing;
        if (run == null || !(run.context() instanceof MessageContext context)) {
            return;
        }
        router.flush(run);
        DisplayData data = toDisplayData(bundle);
        data.setDisplayId(displayId);
        if (update) {
            connection.getIOPub().sendMessage(new Message<>(context, PublishUpdateDisplayData.MESSAGE_TYPE,
                    new PublishUpdateDisplayData(data)));
        } else {
            connection.getIOPub().sendMessage(new Message<>(context, PublishDisplayData.MESSAGE_TYPE,
                    new PublishDisplayData(data)));
        }
    }

    private static DisplayData toDisplayData(MimeBundle bundle) {
        DisplayData data = new DisplayData();
        for (Map.Entry<String, String> e : bundle.data().entrySet()) data.putData(e.getKey(), e.getValue());
        return data;
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = request.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
        StartupTrace.mark("cell " + count + " arrived");
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        settleStoppedRuns();
        CellRun run = new CellRun(message, count);
        executing = run;
        CellRun.CURRENT.set(run);
        ScheduledFuture<?> timeout = config.cellTimeoutSeconds() > 0
                ? watchdog.schedule(() -> stop(run, "stopped after " + config.cellTimeoutSeconds()
                + " s (RACECOURSE_CELL_TIMEOUT)"), config.cellTimeoutSeconds(), TimeUnit.SECONDS)
                : null;
        CellResult result;
        String shownText = null;
        try {
            Cells ready = cells.join();
            result = ready.magics().execute(request.getCode(), run);
            StartupTrace.mark("cell " + count + " evaluated");
            if (result instanceof CellResult.Value value) {
                MimeBundle bundle = Renderers.render(value.value());
                shownText = bundle.data().get("text/plain");
                DisplayData shown = toDisplayData(bundle);
                router.flush(run);
                env.publish(new PublishExecuteResult(count, shown));
                StartupTrace.mark("cell " + count + " result published");
            }
        } catch (Throwable t) {
            result = new CellResult.Failure(t.getClass().getSimpleName(), String.valueOf(t.getMessage()),
                    fallbackLines(t));
        } finally {
            if (timeout != null) timeout.cancel(false);
            CellRun.CURRENT.remove();
            run.finish();
        }
        if (run.stopRequested()) result = stoppedResult(run, result);
        router.finish(run);
        executing = null;
        if (request.shouldStoreHistory() && !request.isSilent()) {
            ((CellHistory) historyManager).record(count, request.getCode(), shownText);
        }
        if (result instanceof CellResult.Failure failure) {
            List<String> lines = new ArrayList<>(failure.lines());
            env.publish(new PublishError(failure.name(), failure.message(), lines));
            ErrorReply reply = new ErrorReply(failure.name(), failure.message(), lines);
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } else {
            env.defer().reply(new ExecuteReply(count, Map.of()));
        }
    }

    /** Answers kernel_info with the protocol's {@code status: "ok"}, which jjava's reply leaves out. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new OkKernelInfoReply(getName(), getVersion(), getLanguageInfo(), getBanner(), getHelpLinks()));
        StartupTrace.mark("kernel_info answered");
    }

    /** Answers history_request from the session's {@link CellHistory}, with the {@code status} jjava leaves out. */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        java.util.Set<HistoryManager.ResultFlag> flags = java.util.EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> found = switch (request) {
            case HistoryRequest.Tail tail -> historyManager.lookupTail(tail.getMaxReturnLength(), flags);
            case HistoryRequest.Range range ->
                    historyManager.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            case HistoryRequest.Search search -> {
                if (search.filterUnique()) flags.add(HistoryManager.ResultFlag.UNIQUE);
                yield historyManager.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
            default -> List.of();
        };
        env.reply(new OkHistoryReply(found));
    }

    /**
     * jjava's history reply with the {@code status} field the message specification requires, and each entry as
     * the protocol's {@code [session, line, input]} or {@code [session, line, [input, output]]}. Immutable.
     */
    @com.google.gson.annotations.JsonAdapter(OkHistoryReply.Writer.class)
    static final class OkHistoryReply extends HistoryReply {
        OkHistoryReply(List<HistoryEntry> entries) {
            super(entries);
        }

        /** Writes the reply in the protocol's shape. Thread-safe (stateless). */
        static final class Writer implements com.google.gson.JsonSerializer<OkHistoryReply> {
            @Override
            public com.google.gson.JsonElement serialize(OkHistoryReply reply, java.lang.reflect.Type type,
                    com.google.gson.JsonSerializationContext context) {
                com.google.gson.JsonArray history = new com.google.gson.JsonArray();
                for (HistoryEntry e : reply.getHistory()) {
                    com.google.gson.JsonArray entry = new com.google.gson.JsonArray();
                    entry.add(e.getSession());
                    entry.add(e.getCellNumber());
                    if (e.hasOutput()) {
                        com.google.gson.JsonArray pair = new com.google.gson.JsonArray();
                        pair.add(e.getInput());
                        pair.add(e.getOutput());
                        entry.add(pair);
                    } else {
                        entry.add(e.getInput());
                    }
                    history.add(entry);
                }
                com.google.gson.JsonObject out = new com.google.gson.JsonObject();
                out.addProperty("status", "ok");
                out.add("history", history);
                return out;
            }
        }
    }

    /** jjava's kernel_info reply with the {@code status} field the message specification requires. Immutable. */
    static final class OkKernelInfoReply extends KernelInfoReply {
        @SuppressWarnings("unused") // read by Gson when the reply is serialized
        private final String status = "ok";

        OkKernelInfoReply(String name, String version, LanguageInfo language, String banner,
                List<org.dflib.jjava.jupyter.kernel.HelpLink> links) {
            super("5.3", name, version, language, banner, links);
        }
    }

    private List<String> fallbackLines(Throwable t) {
        try {
            return cells.join().session().formatError(t);
        } catch (RuntimeException e) {
            return List.of(t.toString());
        }
    }

    /** After a stop: names the cell's threads that are still running and any deadlock among them. */
    private CellResult stoppedResult(CellRun run, CellResult result) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!run.liveThreads().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Interrupted: the cell was " + run.stopReason() + ".");
        List<String> deadlock = run.deadlockReport();
        // threads still on their way into a deadlock when the stop came (interrupts do not free a lock wait)
        if (deadlock.isEmpty()) deadlock = deadlockAmong(run);
        if (!deadlock.isEmpty()) {
            lines.add("");
            lines.addAll(deadlock);
        }
        Map<String, String> alive = run.describeLiveThreads();
        if (!alive.isEmpty()) {
            lines.add("");
            lines.add("These threads of the cell did not stop (the kernel carries on without them):");
            alive.forEach((name, state) -> lines.add("  \"" + name + "\" " + state));
            stoppedRuns.add(run);
        }
        if (result instanceof CellResult.Failure f && !f.name().equals("Interrupted")) {
            lines.add("");
            lines.add("The cell's own error when it stopped:");
            f.lines().forEach(l -> lines.add("  " + l));
        }
        return new CellResult.Failure("Interrupted", "the cell was " + run.stopReason(), lines);
    }

    private void settleStoppedRuns() {
        stoppedRuns.removeIf(r -> r.liveThreads().isEmpty());
        if (stoppedRuns.isEmpty()) racecourse.kernel.execution.Stop.settle();
    }

    /** Stops a cell: records any deadlock among its threads first, then interrupts them. */
    private void stop(CellRun run, String reason) {
        run.deadlockReport(deadlockAmong(run));
        run.requestStop(reason);
    }

    /** Describes the deadlocked threads that belong to the cell, with the locks they wait for. */
    static List<String> deadlockAmong(CellRun run) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.findDeadlockedThreads();
        if (ids == null) return List.of();
        java.util.Set<Long> cellIds = new java.util.HashSet<>();
        for (Thread t : run.liveThreads()) cellIds.add(t.threadId());
        List<String> lines = new ArrayList<>();
        for (ThreadInfo info : mx.getThreadInfo(ids, true, true)) {
            if (info == null || !cellIds.contains(info.getThreadId())) continue;
            if (lines.isEmpty()) lines.add("Deadlock: these threads wait for each other and can never go on:");
            String top = info.getStackTrace().length > 0
                    ? racecourse.kernel.session.ErrorFormatter.learnerName(info.getStackTrace()[0].getClassName())
                    + "." + info.getStackTrace()[0].getMethodName() : "?";
            lines.add("  \"" + info.getThreadName() + "\" waits for " + info.getLockName()
                    + " held by \"" + info.getLockOwnerName() + "\" (at " + top + ")");
        }
        return lines;
    }

    @Override
    public void interrupt() {
        CellRun run = executing;
        if (run != null) stop(run, "interrupted");
    }

    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("cells run through handleExecuteRequest");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = cells.join().session().documentation(code, at);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellSession.Completion c = cells.join().session().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return cells.join().session().isComplete(code);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        watchdog.shutdownNow();
        if (router != null) router.close();
        super.onShutdown(isRestarting);
    }
}
