package luohu.store;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Per-chat locks inside one process (a fixed set picked by the chat id's hash, so none pile up). */
final class LocalChatLocks {
    private final ReentrantLock[] locks = new ReentrantLock[1024];

    LocalChatLocks() {
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    <T> T locked(String chatId, Supplier<T> work) {
        ReentrantLock l = locks[Math.floorMod(chatId.hashCode(), locks.length)];
        l.lock();
        try {
            return work.get();
        } finally {
            l.unlock();
        }
    }
}
