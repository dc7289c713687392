package luohu.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data folder ({@code <data>/luohu.lock}, holding the owner's process id), so that two
 * processes never share one database: the second is refused with one line. The operating system drops the lock
 * when the process ends, kill -9 included; the file itself may stay.
 */
final class FolderLock implements AutoCloseable {
    /**
     * Folders this process holds. Checked before the lock file is opened at all: on Linux, closing any descriptor of
     * a file drops every lock the process holds on it, so a second open-and-close would release the first lock.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws StoreException in one line when another process (or this one) already uses the folder */
    static FolderLock take(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(SqliteStore.LOCK_FILE);
        if (!HELD.add(file)) throw inUse(dataDir, String.valueOf(ProcessHandle.current().pid()));
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            HELD.remove(file);
            throw new StoreException(file + ": cannot create the lock file (" + e.getMessage() + ")", e);
        }
        FileLock lock = null;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            // this process holds it already
        } catch (IOException e) {
            close(ch);
            HELD.remove(file);
            throw new StoreException(file + ": cannot lock the data folder (" + e.getMessage() + ")", e);
        }
        if (lock == null) {
            String owner = owner(file);
            close(ch);
            HELD.remove(file);
            throw inUse(dataDir, owner);
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
        } catch (IOException ignored) {
            // the pid is a courtesy for the refusal message; the lock is what counts
        }
        return new FolderLock(file, ch, lock);
    }

    private static StoreException inUse(Path dataDir, String owner) {
        return new StoreException(dataDir.toAbsolutePath().normalize() + ": the data folder is in use by another luohu process"
                + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; stop it first, or give this one another folder with --data", null);
    }

    private static String owner(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return s.matches("\\d{1,10}") ? s : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(channel);
        HELD.remove(file);
    }
}
