package racecourse.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;
import racecourse.kernel.channels.PromptConnection;
import racecourse.kernel.channels.WireClient;
import racecourse.kernel.execution.CellRun;
import racecourse.kernel.magic.Magics;
import racecourse.kernel.session.CellResult;
import racecourse.kernel.session.JShellSession;
import racecourse.kernel.trace.StartupTrace;

/**
 * Starts the kernel: {@code racecourse.kernel.Main CONNECTION_FILE}, as Jupyter runs it from {@code kernel.json}.
 * {@code --train} instead runs a short representative session and exits, for recording an ahead-of-time cache.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--train")) {
            train();
            System.exit(0);
        }
        if (args.length != 1) {
            System.err.println("usage: racecourse.kernel.Main CONNECTION_FILE   (Jupyter passes the file)");
            System.exit(2);
        }
        StartupTrace.mark("main");
        KernelConfig config = KernelConfig.fromEnvironment();
        Path file = Path.of(args[0]);
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            System.err.println("racecourse kernel: cannot read the connection file " + file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        run(KernelConnectionProperties.parse(json), config);
        System.exit(0);
    }

    private static void run(KernelConnectionProperties properties, KernelConfig config) throws Exception {
        PrintStream log = System.err;
        // The ports first, with nothing else competing for the processors: until they are bound, Jupyter's client
        // is refused, and it tries again only 100 to 200 ms later. Its first request then waits in the queue while
        // the rest is built. JShell comes next; its start-up and warm-up take longest, and run while Jupyter waits
        // for the reply to its first request and for the kernel's output to settle.
        PromptConnection connection = new PromptConnection(properties);
        StartupTrace.mark("sockets made");
        connection.bindPorts();
        StartupTrace.mark("ports bound");
        CompletableFuture<RacecourseKernel.Cells> cells = startCells(config);
        StartupTrace.mark("JShell start-up thread started");
        RacecourseKernel kernel = new RacecourseKernel(config, cells);
        StartupTrace.mark("kernel made");
        kernel.becomeHandlerForConnection(connection);
        kernel.startRouting(log);
        StartupTrace.mark("output routed");
        connection.connect();
        StartupTrace.mark("connected");
        // like ipykernel: a kernel whose Jupyter went away ends instead of lingering as an orphan
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("racecourse kernel: the process that started it has ended; shutting down");
            Runtime.getRuntime().halt(0);
        }));
        kernel.onStartup();
        connection.waitUntilClose();
    }

    /** Builds JShell on a thread of its own, so that the kernel answers Jupyter while the compiler warms up. */
    static CompletableFuture<RacecourseKernel.Cells> startCells(KernelConfig config) {
        CompletableFuture<RacecourseKernel.Cells> cells = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("racecourse-jshell-start").start(() -> {
            try {
                RacecourseKernel.Cells built = buildCells(config);
                cells.complete(built);
                StartupTrace.mark("JShell ready");
                // while the kernel connects and waits for its first cell, bring the default imports into scope and warm up
                built.session().importDefaultsUntilCell();
                StartupTrace.mark("default imports done or first cell arrived");
            } catch (Throwable t) {
                cells.completeExceptionally(t);
            }
        });
        return cells;
    }

    static RacecourseKernel.Cells buildCells(KernelConfig config) {
        JShellSession session = new JShellSession(List.of(), List.of()); // cells see the kernel's class path
        Magics magics = new Magics(session);
        KernelMagics.registerAll(magics, session);
        return new RacecourseKernel.Cells(session, magics);
    }

    /** A short session that touches what a first lesson touches: JShell, charts, tables and the protocol classes. */
    private static void train() throws Exception {
        KernelConfig config = KernelConfig.fromEnvironment();
        RacecourseKernel.Cells cells = buildCells(config);
        cells.session().importDefaultsUntilCell(); // as at start-up: the imports, then the warm-up expression
        CellRun run = new CellRun(null, 1);
        CellRun.CURRENT.set(run);
        String[] samples = {
            "int x = 1 + 2; x",
            "var t = Table.create(\"t\", IntColumn.create(\"a\", new int[] {1, 2, 3})); t",
            "BarChart.of(\"c\", \"k\", \"v\").bar(\"a\", 1).bar(\"b\", 2).png().length",
            "Renderers.render(t).data().size()",
            "record P(int a) {} new P(1)",
            "var th = new Thread(() -> System.out.println(\"hi\")); th.start(); th.join();",
        };
        for (String sample : samples) {
            CellResult result = cells.magics().execute(sample, run);
            if (result instanceof CellResult.Failure f) System.err.println("training cell failed: " + f.lines());
        }
        cells.session().complete("Str", 3);
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports[i] = socket.getLocalPort();
            }
        }
        KernelConnectionProperties properties = new KernelConnectionProperties("127.0.0.1", ports[0], ports[1],
                ports[2], ports[3], ports[4], "tcp", "hmac-sha256", "training");
        PromptConnection connection = new PromptConnection(properties);
        RacecourseKernel kernel = new RacecourseKernel(config, CompletableFuture.completedFuture(cells));
        kernel.becomeHandlerForConnection(connection);
        kernel.startRouting(System.err);
        connection.connect();
        talkAsAClient(properties);
        connection.close();
        cells.session().close();
    }

    /** What a client does first, over real sockets: asks for the kernel's info, then runs one cell. */
    private static void talkAsAClient(KernelConnectionProperties properties) {
        ZMQ.Context context = ZMQ.context(1);
        try (WireClient shell = new WireClient(context, properties.getShellPort(), properties.getKey(), 60_000)) {
            shell.send("kernel_info_request", new JsonObject());
            shell.receive();
            JsonObject execute = new JsonObject();
            execute.addProperty("code", "1 + 1");
            execute.addProperty("silent", false);
            execute.addProperty("store_history", true);
            execute.add("user_expressions", new JsonObject());
            execute.addProperty("allow_stdin", false);
            execute.addProperty("stop_on_error", true);
            shell.send("execute_request", execute);
            WireClient.Reply reply = shell.receive();
            if (!"ok".equals(reply.content().get("status").getAsString())) {
                System.err.println("training cell failed: " + reply.content());
            }
        } finally {
            context.close();
        }
    }
}
