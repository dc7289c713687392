package luohu.channel.telegram;

import luohu.store.Claims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The update journal in the session store ({@code --store}), shared by every instance using it: an update is
 * claimed under its bot and id before it is handled and marked done after, so that it is answered once whichever
 * instance Telegram gives it to, and an update a killed instance had taken on is answered by the next one that gets
 * it.
 */
public final class StoreUpdateJournal implements UpdateJournal {
    private final Claims claims;
    private final String scope;

    public StoreUpdateJournal(Claims claims, long botId) {
        this.claims = claims;
        this.scope = "telegram:" + botId;
    }

    /**
     * Takes over the ids of a journal file of the former kind ({@code telegram-<bot id>.updates} in the data folder) as
     * answered, then renames the file (to {@code .imported}) so that this happens once.
     */
    public StoreUpdateJournal importing(Path legacyFile) {
        if (!Files.isRegularFile(legacyFile)) return this;
        try {
            for (String line : Files.readAllLines(legacyFile, StandardCharsets.US_ASCII)) {
                String id = line.strip();
                if (!id.matches("-?\\d{1,19}")) continue; // a torn last line
                long n = Long.parseLong(id);
                if (claims.claim(scope, n) == Claims.Outcome.TAKEN) claims.done(scope, n);
            }
            Files.move(legacyFile, legacyFile.resolveSibling(legacyFile.getFileName() + ".imported"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the former update journal " + legacyFile + ": " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public boolean claim(long updateId) {
        return take(updateId) == Claims.Outcome.TAKEN;
    }

    @Override
    public Claims.Outcome take(long updateId) {
        return claims.claim(scope, updateId);
    }

    @Override
    public void done(long updateId) {
        claims.done(scope, updateId);
    }
}
