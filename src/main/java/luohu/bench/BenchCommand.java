package luohu.bench;

import luohu.Assistant;
import luohu.cli.DataOptions;
import luohu.dialog.DialogFiles;
import luohu.policy.PolicyModel;
import luohu.store.MemoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code luohu bench}: how fast a turn is and how its cost grows with the number of sessions. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure turns per second, latency per kind of turn, start-up, heap per session and the cache, "
                + "with durable sessions, at several numbers of sessions.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--chats", defaultValue = "2000", description = "Concurrent chats of the main run (default: ${DEFAULT-VALUE}).")
    int chats;

    @Option(names = "--scales", split = ",", defaultValue = "1000,10000,100000",
            description = "Numbers of sessions for the scaling table (default: ${DEFAULT-VALUE}).")
    List<Integer> scales;

    @Option(names = "--threads", description = "Worker threads (default: the cores less one, at least one, as the bot runs turns).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the workload's random choices.")
    long seed;

    /** The most chats or sessions of one run, and the most worker threads. */
    static final int MAX_SESSIONS = 1_000_000, MAX_THREADS = 256;

    /** What is wrong with the options, in one line, or null: checked before anything runs. */
    String invalid() {
        if (chats < 1 || chats > MAX_SESSIONS) return "--chats must be from 1 to " + MAX_SESSIONS + ", not " + chats;
        if (scales == null) return null;
        for (Integer n : scales) {
            if (n == null || n < 1 || n > MAX_SESSIONS) return "--scales must be numbers from 1 to " + MAX_SESSIONS + ", not " + n;
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) return "--threads must be from 1 to " + MAX_THREADS + ", not " + threads;
        return null;
    }

    @Override
    public Integer call() throws Exception {
        String wrong = invalid();
        if (wrong != null) {
            System.err.println("luohu: bench: " + wrong);
            return 2;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // as the bot runs turns: the cores less one, so the compiler and the collector do not preempt them
        int workers = threads == null ? Math.max(1, cores - 1) : threads;
        luohu.store.StoreUrl url = data.storeNamed() ? data.storeUrl() : null;
        boolean postgres = url != null && url.kind() == luohu.store.StoreUrl.Kind.POSTGRESQL;
        System.out.printf("luohu bench — %d cores, %.1f GiB max heap, %s %s; durable sessions (%s), %d worker threads%n",
                cores, Runtime.getRuntime().maxMemory() / 1073741824.0, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), postgres ? "PostgreSQL " + url.display() + ", no cache in front" : "SQLite, WAL", workers);
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        ClassDataArchive archive = ClassDataArchive.of(jvm, cp);
        double firstAnswer = firstAnswerSeconds(jvm, cp, archive);
        System.out.printf("first answer after process start: %.2f s (median of 3, %s)%n", firstAnswer, archive.describe());

        MemoryStore probeStore = new MemoryStore();
        Assistant probe = data.assistant(probeStore);
        PolicyModel model = probe.model();
        DialogFiles dialogs = DialogFiles.load(data.dialogsDir(), model.vocabulary());
        // PostgreSQL as several instances use it (every turn reads and writes the database, in its chat's transaction);
        // each run's chats have ids of their own, so runs on one database do not meet; the key is the bench's own, so a
        // database of real conversations (keyed with another) refuses it
        String secret = "luohu-bench-key, refused by a database of real conversations";
        Benchmark bench = postgres
                ? new Benchmark(model, dialogs, workers, dir -> luohu.store.Stores.open(url, dir, java.time.Duration.ofDays(30), secret))
                : new Benchmark(model, dialogs, workers);
        System.out.printf("segmentation: %.0f characters/s%n", bench.segmentationThroughput(probe.machine().understander().segmenter()));
        Floor.Figures floor = bench.floor(probe, probeStore, seed);
        probe.close();
        printFloor(floor);

        warmUp(bench, seed, Math.min(WARM_UP_CHATS, chats));
        System.out.println();
        System.out.println(header());
        List<Benchmark.Figures> runs = new ArrayList<>();
        runs.add(bench.run(chats, seed));
        System.out.println(row(runs.get(0), floor));
        for (int n : scales) {
            runs.add(bench.run(n, seed + n));
            System.out.println(row(runs.get(runs.size() - 1), floor));
        }
        System.out.printf("opening a chat: %.2f ms, once per new chat (its stored key is a slow keyed hash of its id, on purpose); "
                + "the chats above are opened before their clock starts%n", runs.stream().mapToDouble(Benchmark.Figures::openMillis).sorted()
                .skip(runs.size() / 2).findFirst().orElse(0));
        System.out.println();
        System.out.println("targets: ≥ 5000 turns/s and ≥ " + MIN_FLOOR_SHARE + " × floor; interview p99 ≤ 0.5 ms; cached general p50 < 50 µs "
                + "and p99 ≤ 0.2 ms; ≤ 16 KB allocated per turn; first answer ≤ 0.4 s; < 20 KB heap per session");
        List<String> missed = missed(firstAnswer, runs, floor.perTurn().turnsPerSecond());
        System.out.println(missed.isEmpty() ? "all targets met" : "MISSED: " + String.join("; ", missed));
        return 0;
    }

    /** The share of the floor's turns per second a run should reach. */
    static final double MIN_FLOOR_SHARE = 0.5;

    /** Runs of this many chats (at most as many as the main run's) warm the process up. */
    static final int WARM_UP_CHATS = 2000, MAX_WARM_UPS = 15;
    /** The JIT has settled when it compiles for less than this share of a warm-up run's time. */
    static final double JIT_SETTLED = 0.10;

    /**
     * Warm-up runs, not reported, until the JIT has settled (its compiling takes under {@link #JIT_SETTLED} of a
     * run, twice in a row): a fixed count is too short on one machine and wasted on another.
     */
    private static void warmUp(Benchmark bench, long seed, int chats) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        int runs = 0, settled = 0;
        double share = Double.NaN;
        while (runs < MAX_WARM_UPS && settled < 2) {
            long c0 = timed ? jit.getTotalCompilationTime() : 0, t0 = System.nanoTime();
            bench.run(chats, seed + 1000 + runs);
            double millis = (System.nanoTime() - t0) / 1e6;
            share = timed ? (jit.getTotalCompilationTime() - c0) / millis : 0;
            settled = share < JIT_SETTLED ? settled + 1 : 0;
            runs++;
        }
        System.out.printf("warm-up: %d runs of %d chats, until the JIT compiled for under %.0f%% of a run twice in a row "
                + "(%.1f%% in the last)%s%n", runs, chats, JIT_SETTLED * 100, share * 100,
                settled < 2 ? "; it had not settled after " + MAX_WARM_UPS : "");
    }

    /**
     * The targets a run missed, each with the run (its number of sessions) and the figure: turns per second,
     * interview p99, cached general questions at the median, first answer, heap per session.
     */
    static List<String> missed(double firstAnswerSeconds, List<Benchmark.Figures> runs, double floorTurnsPerSecond) {
        List<String> out = new ArrayList<>();
        if (firstAnswerSeconds > 0.4) out.add(String.format("first answer %.2f s (target ≤ 0.4 s)", firstAnswerSeconds));
        for (Benchmark.Figures f : runs) {
            String at = f.sessions() + " sessions: ";
            if (f.turnsPerSecond() < 5000) out.add(at + String.format("%.0f turns/s (target ≥ 5000)", f.turnsPerSecond()));
            double share = f.turnsPerSecond() / floorTurnsPerSecond;
            if (share < MIN_FLOOR_SHARE) out.add(at + String.format("%.2f × floor (target ≥ %s)", share, MIN_FLOOR_SHARE));
            if (f.interview().percentile(99) > 500_000) out.add(at + String.format("interview p99 %.2f ms (target ≤ 0.5 ms)", ms(f.interview().percentile(99))));
            if (f.cachedGeneral().percentile(50) >= 50_000) out.add(at + String.format("cached general p50 %.1f µs (target < 50 µs)", f.cachedGeneral().percentile(50) / 1e3));
            if (f.cachedGeneral().percentile(99) > 200_000) out.add(at + String.format("cached general p99 %.1f µs (target ≤ 200 µs)", f.cachedGeneral().percentile(99) / 1e3));
            if (f.bytesPerTurn() > 16 * 1024) out.add(at + String.format("%.1f KB allocated per turn (target ≤ 16 KB)", f.bytesPerTurn() / 1024));
            if (f.heapPerSession() >= 20 * 1024) out.add(at + String.format("%.1f KB heap per session (target < 20 KB)", f.heapPerSession() / 1024));
        }
        return out;
    }

    /** The floor's parts and the two floors, before the table that is read against them. */
    private static void printFloor(Floor.Figures f) {
        System.out.printf("floor parts: segmentation %.1f µs a message (%.0f characters on average); commit %.1f µs a row "
                        + "alone, %.1f µs a row when %d share a commit (%.1f KB session row; SQLite WAL, synchronous=NORMAL)%n",
                f.segmentNanos() / 1e3, f.messageChars(), f.commitNanos() / 1e3, f.groupRowNanos() / 1e3, Floor.GROUP,
                f.rowChars() / 1024.0);
        System.out.printf("floor: %.0f turns/s, p99 %.3f ms with a commit per turn; %.0f turns/s, p99 %.3f ms with group commit "
                        + "(segmentation and commit only, same threads; medians of %d rounds after warm-up)%n",
                f.perTurn().turnsPerSecond(), ms((long) f.perTurn().p99Nanos()),
                f.grouped().turnsPerSecond(), ms((long) f.grouped().p99Nanos()), Steady.MEASURED);
        System.out.println("× floor: turns/s ÷ the floor with a commit per turn; p99 × floor: interview p99 ÷ that floor's p99");
    }

    private static String header() {
        return String.format("%9s %8s %9s %7s | %-31s %-9s | %-22s | %-22s | %10s %6s %10s", "sessions", "turns", "turns/s", "× floor",
                "interview p50/p95/p99/max (ms)", "p99×floor", "cached general p50/p99", "uncached gen. p50/p99", "heap/sess.", "hits", "alloc/turn");
    }

    private static String row(Benchmark.Figures f, Floor.Figures floor) {
        return String.format("%9d %8d %9.0f %7.2f | %6.2f %6.2f %6.2f %8.2f %8.1f× | %8.1f µs %8.1f µs | %7.2f ms %7.2f ms | %7.1f KB %5.1f%% %7.1f KB",
                f.sessions(), f.turns(), f.turnsPerSecond(), f.turnsPerSecond() / floor.perTurn().turnsPerSecond(),
                ms(f.interview().percentile(50)), ms(f.interview().percentile(95)), ms(f.interview().percentile(99)), ms(f.interview().max()),
                f.interview().percentile(99) / floor.perTurn().p99Nanos(),
                f.cachedGeneral().percentile(50) / 1e3, f.cachedGeneral().percentile(99) / 1e3,
                ms(f.uncachedGeneral().percentile(50)), ms(f.uncachedGeneral().percentile(99)),
                f.heapPerSession() / 1024, f.hitRatio() * 100, f.bytesPerTurn() / 1024);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /**
     * Starts the assistant as a new process and times it to its first reply, three times; with the class-data
     * archive where there is one, as the documented commands run it.
     */
    private static double firstAnswerSeconds(String jvm, String cp, ClassDataArchive archive) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path dir = Files.createTempDirectory("luohu-first");
            List<String> command = new ArrayList<>(List.of(jvm));
            command.addAll(archive.jvmOptions());
            command.addAll(List.of("-cp", cp, "luohu.Main", "chat", "--jsonl", "--data", dir.toString()));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
                 BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                w.write("{\"chat\": \"first\", \"text\": \"我在宁城县买了二手房，想把老婆孩子户口迁过来\"}\n");
                w.flush();
                r.readLine();
                runs.add((System.nanoTime() - t0) / 1e9);
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
        Collections.sort(runs);
        return runs.get(1);
    }
}
