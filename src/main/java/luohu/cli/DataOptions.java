package luohu.cli;

import luohu.Assistant;
import luohu.common.Background;
import luohu.store.SessionStore;
import luohu.store.StoreUrl;
import luohu.store.Stores;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/** The data an assistant is built from: policies (--policies) and dialogs (--dialogs, or LUOHU_DIALOGS). */
public final class DataOptions {
    @Mixin
    PolicyOption policies;

    @Option(names = "--dialogs", paramLabel = "DIR",
            description = "Load dialog files from DIR instead of the built-in ones (default: $LUOHU_DIALOGS).")
    Path dialogs;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where conversations are stored (default: $LUOHU_DATA, else ./data).")
    Path data;

    @Option(names = "--session-days", paramLabel = "DAYS",
            description = "Delete conversations idle for longer than this (default: $LUOHU_SESSION_DAYS, else 30).")
    Integer sessionDays;

    @Option(names = "--memory", description = "Keep conversations in memory only; nothing is stored (the same as --store memory:).")
    boolean memory;

    @Option(names = "--store", paramLabel = "URL",
            description = "Where conversations (and the Telegram bot's claimed updates) are kept: sqlite:<file>, memory: or "
                    + "postgresql://user@host:5432/database, the password in PGPASSWORD (default: $LUOHU_STORE, else sqlite:<data>/luohu.db).")
    String store;

    @Option(names = "--precheck-days", paramLabel = "DAYS",
            description = "How long a pre-check code (预审码) can be opened at the window (default: $LUOHU_PRECHECK_DAYS, else 14).")
    Integer precheckDays;

    public java.time.Duration precheckTtl() {
        int days = precheckDays != null ? precheckDays : Integer.parseInt(envOr("LUOHU_PRECHECK_DAYS", String.valueOf(luohu.Precheck.DEFAULT_DAYS)));
        if (days < 1 || days > 365) throw new IllegalArgumentException("--precheck-days must be from 1 to 365, not " + days);
        return java.time.Duration.ofDays(days);
    }

    /** Whether nothing is to be stored on disk (--memory). */
    public boolean inMemory() {
        return memory;
    }

    /**
     * Pre-check codes and the report's counters where the options say: in tables of their own in the data folder's
     * database (shared with the sessions, and with other processes on the same folder), or in memory with --memory.
     */
    public Assistant withCodesAndCounters(Assistant assistant) {
        java.time.Duration ttl = precheckTtl();
        StoreUrl url = storeUrl();
        if (url.kind() == StoreUrl.Kind.MEMORY) return assistant.withPrecheck(new luohu.store.MemoryPrecheckCodes(), ttl);
        if (opened != null && opened.sharedPrecheckCodes() != null) {
            // in the shared database, so that a code issued by any instance opens at any console
            return assistant.withPrecheck(opened.sharedPrecheckCodes(), ttl).withCounters(opened.sharedAskCounters());
        }
        Path file = url.file();
        return assistant.withPrecheck(luohu.store.SqlitePrecheckCodes.open(file, System.currentTimeMillis()), ttl)
                .withCounters(new luohu.store.BufferedAskCounters(luohu.store.SqliteAskCounters.open(file)));
    }

    public Path dataDir() {
        Path p = PolicyOption.orEnv(data, "LUOHU_DATA");
        return p == null ? Path.of("data") : p;
    }

    public java.time.Duration sessionTtl() {
        int days = sessionDays != null ? sessionDays : Integer.parseInt(envOr("LUOHU_SESSION_DAYS", "30"));
        if (days < 1) throw new IllegalArgumentException("--session-days must be at least 1, not " + days);
        return java.time.Duration.ofDays(days);
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    /** The store the options name: --memory, else --store, else LUOHU_STORE, else SQLite in the data folder. */
    public StoreUrl storeUrl() {
        if (memory) return StoreUrl.parse("memory:", null);
        String given = store != null ? store : envOr("LUOHU_STORE", null);
        if (given == null) return StoreUrl.parse("sqlite:" + dataDir().resolve("luohu.db"), null);
        return StoreUrl.parse(given, System.getenv("PGPASSWORD"));
    }

    /** Whether a store was named (--store, LUOHU_STORE or --memory) rather than taken by default. */
    public boolean storeNamed() {
        return memory || store != null || envOr("LUOHU_STORE", null) != null;
    }

    /** The store the options ask for. */
    public SessionStore store() {
        opened = Stores.open(storeUrl(), dataDir(), sessionTtl(), envOr("LUOHU_SECRET", null));
        return opened;
    }

    /** The store {@link #store()} opened last, whose database may also keep the codes and counters. */
    private SessionStore opened;

    public Path dialogsDir() {
        return PolicyOption.orEnv(dialogs, "LUOHU_DIALOGS");
    }

    public Assistant assistant(SessionStore store) {
        return Assistant.load(policies.dir(), dialogsDir(), store, Clock.systemDefaultZone());
    }

    /**
     * An assistant with the store the options ask for. The store opens on another thread while the policies and
     * dialogs load (opening SQLite takes about a fifth of a second: its native library is unpacked first).
     */
    public Assistant assistant() {
        precheckTtl(); // a bad option is refused before anything is opened
        Background<SessionStore> opening = Background.start("luohu-store-open", this::store);
        Assistant a = null;
        try {
            a = Assistant.load(policies.dir(), dialogsDir(), opening::join, Clock.systemDefaultZone());
            return withCodesAndCounters(a);
        } catch (RuntimeException | Error e) {
            if (a != null) a.close();
            else closeWhenOpen(opening);
            throw e;
        }
    }

    private static void closeWhenOpen(Background<SessionStore> opening) {
        try {
            opening.join().close();
        } catch (RuntimeException | Error ignored) {
            // the store never opened: the loading failure is the one to report
        }
    }
}
