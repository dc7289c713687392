package luohu.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Checkpoints the write-ahead log of the sessions' file on a thread and connection of their own, so that no turn
 * copies the log into the database while it holds the store's lock (the store's connection has
 * {@code wal_autocheckpoint=0}). A checkpoint changes no committed data: durability stays with each turn's commit.
 */
final class WalCheckpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
    /** Commits between checkpoints: a turn writes about four pages, so about SQLite's own 1000-page default. */
    static final int COMMITS = 250;
    /**
     * Frames in the log: the log starts again from its beginning only when a write finds it wholly copied, which
     * writers that never pause can prevent; past this many a checkpoint holds them back (the store's lock) once.
     */
    static final int MAX_FRAMES = 10_000;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Connection db;
    private final Object writers;
    private final Path file;
    private final Thread thread;
    private final AtomicInteger sinceLast = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean due, closed;

    /**
     * @param writers the lock that every write to the file's sessions holds
     */
    WalCheckpoints(Path file, Object writers) {
        this.file = file;
        this.writers = writers;
        this.db = SqliteFiles.open(file, java.util.List.of(), "the log's checkpoints");
        this.thread = new Thread(this::run, "luohu-wal-checkpoints");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called after each commit: every {@link #COMMITS}th wakes the checkpointer, which the committer does not wait for. */
    void committed() {
        if (sinceLast.incrementAndGet() >= COMMITS) {
            sinceLast.set(0);
            due = true;
            LockSupport.unpark(thread);
        }
    }

    /** How many checkpoints have run (for tests). */
    int done() {
        return done.get();
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(this, IDLE_NANOS);
            if (closed) return;
            if (!due) continue;
            due = false;
            try {
                if (checkpoint() > MAX_FRAMES) {
                    synchronized (writers) {
                        checkpoint();
                    }
                }
                done.incrementAndGet();
            } catch (SQLException e) {
                // commits go on into the log; the next checkpoint tries again (e.g. once a full disk has room)
                LOG.warn("{}: checkpoint of the write-ahead log failed ({})", file, e.getMessage());
            }
        }
    }

    /** A checkpoint that waits for no one; returns the frames in the log. */
    private int checkpoint() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return rs.next() ? rs.getInt(2) : 0;
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.close();
        } catch (SQLException ignored) {
            // a checkpoint is never owed: the store's last connection checkpoints as it closes
        }
    }
}
