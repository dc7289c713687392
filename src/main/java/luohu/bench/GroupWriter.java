package luohu.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One writer that commits the rows of every turn waiting at that moment together; each turn waits until its row is
 * committed, as a reply must. The group-commit half of the floor.
 */
final class GroupWriter implements AutoCloseable {
    private static final class Pending {
        final int chat;
        final Thread waiter = Thread.currentThread();
        volatile boolean done;
        volatile SQLException failure;

        Pending(int chat) {
            this.chat = chat;
        }
    }

    private static final Pending STOP = new Pending(-1);
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final FloorDatabase db;
    private final Thread thread;

    GroupWriter(FloorDatabase db) {
        this.db = db;
        this.thread = new Thread(this::run, "floor-group-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once the chat's row is committed. */
    void commit(int chat) throws SQLException {
        Pending p = new Pending(chat);
        queue.add(p);
        while (!p.done) LockSupport.park(this);
        if (p.failure != null) throw p.failure;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        List<Integer> chats = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean stop = batch.remove(STOP);
            chats.clear();
            for (Pending p : batch) chats.add(p.chat);
            SQLException failure = null;
            try {
                if (!chats.isEmpty()) db.commitTogether(chats);
            } catch (SQLException e) {
                failure = e;
            }
            for (Pending p : batch) {
                p.failure = failure;
                p.done = true;
                LockSupport.unpark(p.waiter);
            }
            batch.clear();
            if (stop) return;
        }
    }

    @Override
    public void close() throws InterruptedException {
        queue.add(STOP);
        thread.join();
    }
}
