package luohu.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * JSON lines in, one reply line out for each, in input order, with the turns of different chats run side by side:
 * each chat is kept on one lane (a thread), so its own turns still run one after the other in the order given. A
 * writer thread prints the replies in input order as they are ready, and flushes whenever it has caught up, so a
 * client that waits for each reply gets it at once.
 */
final class JsonLines {
    /**
     * Lines read ahead of the one being written, a lane: enough to keep the lanes busy, few enough that a process
     * killed mid-run has taken few turns whose replies it never wrote (one lane reads one line ahead at most).
     */
    private static final int AHEAD_A_LANE = 8;
    private static final CompletableFuture<String> END = CompletableFuture.completedFuture(null);

    /** A line read: its chat id when it has one (null for a line answered without a turn), and how to answer it. */
    record Line(String chat, java.util.function.Supplier<String> answer) {
    }

    private JsonLines() {
    }

    /** The longest input line read, in characters; the rest of a longer line is skipped and it gets an error. */
    static final int MAX_LINE = 100_000;

    /**
     * @param lanes how many chats' turns may run at once (at least 1)
     * @param read  one input line (null when it was longer than {@link #MAX_LINE}) to what to run for it
     */
    static void run(Reader in, PrintStream out, int lanes, Function<String, Line> read) throws IOException {
        ExecutorService[] lane = new ExecutorService[Math.max(1, lanes)];
        for (int i = 0; i < lane.length; i++) {
            lane[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "jsonl-lane");
                t.setDaemon(true);
                return t;
            });
        }
        BlockingQueue<CompletableFuture<String>> pending = new ArrayBlockingQueue<>(lane.length == 1 ? 1 : AHEAD_A_LANE * lane.length);
        Thread writer = new Thread(() -> write(pending, out), "jsonl-writer");
        writer.setDaemon(true); // never keeps a process alive on its own
        writer.start();
        try {
            StringBuilder line = new StringBuilder();
            while (true) {
                line.setLength(0);
                boolean tooLong = false, any = false;
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    any = true;
                    if (line.length() < MAX_LINE) line.append((char) c);
                    else tooLong = true;
                }
                if (c == -1 && !any) break;
                if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') line.setLength(line.length() - 1);
                Line l = read.apply(tooLong ? null : line.toString());
                put(pending, l.chat() == null ? CompletableFuture.completedFuture(l.answer().get())
                        : CompletableFuture.supplyAsync(l.answer(), lane[Math.floorMod(l.chat().hashCode(), lane.length)]));
                if (c == -1) break;
            }
        } finally {
            // the writer always gets its end and finishes what is pending, even when this thread was interrupted
            boolean interrupted = Thread.interrupted();
            while (true) {
                try {
                    pending.put(END);
                    writer.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            for (ExecutorService e : lane) e.shutdown();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static void put(BlockingQueue<CompletableFuture<String>> pending, CompletableFuture<String> f) {
        try {
            pending.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the input", e);
        }
    }

    /** The reply line; a turn that failed past its own guard still gets a line, so the lines stay in step. */
    private static String written(CompletableFuture<String> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            // the class only: a message may quote the user
            Throwable cause = e.getCause() == null ? e : e.getCause();
            org.slf4j.LoggerFactory.getLogger(JsonLines.class).error("line failed: {}", cause.getClass().getName());
            return "{\"error\":\"the line could not be answered\"}";
        }
    }

    private static void write(BlockingQueue<CompletableFuture<String>> pending, PrintStream out) {
        try {
            while (true) {
                CompletableFuture<String> f = pending.take();
                if (f == END) break;
                out.println(written(f));
                if (pending.isEmpty() || !pending.peek().isDone()) out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.flush();
        }
    }
}
