package luohu.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pre-check codes in memory, for --memory and the tests: gone when the process ends. */
public final class MemoryPrecheckCodes implements PrecheckCodes {
    private record Stored(String chatKey, Entry entry) {
    }

    private final Map<String, Stored> codes = new ConcurrentHashMap<>();

    @Override
    public void put(String codeHash, String chatKey, Entry entry) {
        codes.put(codeHash, new Stored(chatKey, entry));
    }

    @Override
    public Optional<Entry> open(String codeHash, long now) {
        Stored s = codes.get(codeHash);
        if (s == null) return Optional.empty();
        if (s.entry().expires() <= now) {
            codes.remove(codeHash, s);
            return Optional.empty();
        }
        return Optional.of(s.entry());
    }

    @Override
    public int deleteChat(String chatKey) {
        int before = codes.size();
        codes.values().removeIf(s -> s.chatKey().equals(chatKey));
        return before - codes.size();
    }

    @Override
    public int purgeExpired(long now) {
        int before = codes.size();
        codes.values().removeIf(s -> s.entry().expires() <= now);
        return before - codes.size();
    }
}
