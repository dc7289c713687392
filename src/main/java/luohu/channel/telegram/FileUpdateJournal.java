package luohu.channel.telegram;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Claimed update ids in an append-only text file, one id a line, so that a restarted bot does not answer again
 * what it answered before. Each claim is written through to the operating system before it returns (it survives
 * the process, not a power cut). The file keeps the most recent {@code capacity} ids: when it holds twice as many
 * lines it is rewritten with those only. A torn last line (a crash mid-write) is cut off when the file is opened.
 */
public final class FileUpdateJournal implements UpdateJournal {
    private final Path file;
    private final int capacity;
    private final MemoryUpdateJournal.RecentIds ids;
    private OutputStream out;
    private int lines;

    private FileUpdateJournal(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
        this.ids = new MemoryUpdateJournal.RecentIds(capacity);
    }

    /** Opens (creating the file and its folders when missing) a journal keeping the last 100 000 ids. */
    public static FileUpdateJournal open(Path file) {
        return open(file, 100_000);
    }

    public static FileUpdateJournal open(Path file, int capacity) {
        FileUpdateJournal j = new FileUpdateJournal(file, capacity);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            boolean tornTail = false;
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                tornTail = !text.isEmpty() && !text.endsWith("\n");
                List<String> all = text.lines().toList();
                for (int i = 0; i < all.size(); i++) {
                    String line = all.get(i).strip();
                    if (tornTail && i == all.size() - 1) break;
                    if (line.matches("-?\\d{1,19}")) {
                        j.ids.add(Long.parseLong(line));
                        j.lines++;
                    }
                }
            }
            if (tornTail) {
                // cut the torn line off, so that completing it can never make a different id
                byte[] bytes = Files.readAllBytes(file);
                int end = bytes.length;
                while (end > 0 && bytes[end - 1] != '\n') end--;
                try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                }
            }
            j.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the update journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean claim(long updateId) {
        if (!ids.add(updateId)) return false;
        try {
            out.write((updateId + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (++lines >= 2 * capacity) compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the update journal " + file + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** Rewrites the file with the ids still remembered, atomically. */
    private void compact() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder sb = new StringBuilder();
        for (long id : ids.inOrder()) sb.append(id).append('\n');
        Files.writeString(tmp, sb, StandardCharsets.US_ASCII);
        out.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        lines = ids.size();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the update journal " + file + ": " + e.getMessage(), e);
        }
    }
}
