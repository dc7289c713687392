package luohu.channel.telegram;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Journal, lanes, failure classification, the API URL setting. */
class PlumbingTest {

    @Test
    void theFileJournalSurvivesAReopen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("new/folder/updates");
        try (FileUpdateJournal j = FileUpdateJournal.open(file)) {
            assertTrue(j.claim(7));
            assertTrue(j.claim(8));
            assertFalse(j.claim(7));
        }
        try (FileUpdateJournal j = FileUpdateJournal.open(file)) {
            assertFalse(j.claim(7));
            assertFalse(j.claim(8));
            assertTrue(j.claim(9));
        }
    }

    @Test
    void aTornLastLineIsIgnoredAndTheFileStaysReadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("updates");
        Files.writeString(file, "1\n2\n3");
        try (FileUpdateJournal j = FileUpdateJournal.open(file)) {
            assertFalse(j.claim(2));
            assertTrue(j.claim(3), "the torn line was not a claim");
            assertTrue(j.claim(4));
        }
        assertEquals(List.of("1", "2", "3", "4"), Files.readAllLines(file));
        try (FileUpdateJournal j = FileUpdateJournal.open(file)) {
            assertFalse(j.claim(3));
            assertFalse(j.claim(4));
        }
    }

    @Test
    void theFileJournalIsCompactedAndKeepsTheRecentIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("updates");
        try (FileUpdateJournal j = FileUpdateJournal.open(file, 10)) {
            for (int i = 1; i <= 45; i++) assertTrue(j.claim(i));
        }
        assertTrue(Files.readAllLines(file).size() <= 20, "compacted");
        try (FileUpdateJournal j = FileUpdateJournal.open(file, 10)) {
            assertFalse(j.claim(45));
            assertFalse(j.claim(36));
        }
    }

    @Test
    void lanesKeepTheOrderOfAChatAndRunChatsInParallel() throws Exception {
        ChatLanes lanes = new ChatLanes(8);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(50 * 20);
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        // two chats block until both are running at once: only possible if they run in parallel
        for (String chat : List.of("a", "b")) {
            lanes.submit(chat, () -> {
                bothRunning.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(bothRunning.await(10, TimeUnit.SECONDS));
        release.countDown();
        for (int n = 0; n < 20; n++) {
            for (int c = 0; c < 50; c++) {
                int k = n;
                String chat = "chat" + c;
                lanes.submit(chat, () -> {
                    seen.computeIfAbsent(chat, x -> Collections.synchronizedList(new ArrayList<>())).add(k);
                    if (k == 3) throw new IllegalStateException("a failing task does not stop its lane");
                });
                lanes.submit(chat, done::countDown);
            }
        }
        assertTrue(done.await(20, TimeUnit.SECONDS));
        for (int c = 0; c < 50; c++) {
            List<Integer> expected = new ArrayList<>();
            for (int n = 0; n < 20; n++) expected.add(n);
            assertEquals(expected, seen.get("chat" + c));
        }
        lanes.shutdown(1000);
        assertEquals(0, lanes.pending());
    }

    @Test
    void failuresAreSortedIntoWaitRetryAndGiveUp() {
        ApiResponse<?> tooMany = ApiResponse.builder().ok(false).errorCode(429).errorDescription("Too Many Requests: retry after 7")
                .parameters(new ResponseParameters(null, 7)).build();
        var f = Sender.Failure.of(new TelegramApiException("Unable to execute sendmessage method",
                new TelegramApiRequestException("Error sending message", tooMany)));
        assertEquals(Sender.Kind.RATE_LIMITED, f.kind());
        assertEquals(7000, f.retryAfterMillis());
        ApiResponse<?> down = ApiResponse.builder().ok(false).errorCode(502).errorDescription("Bad Gateway").build();
        assertEquals(Sender.Kind.TRANSIENT, Sender.Failure.of(new TelegramApiRequestException("x", down)).kind());
        assertEquals(Sender.Kind.TRANSIENT, Sender.Failure.of(new TelegramApiException("x", new java.net.SocketTimeoutException("timeout"))).kind());
        assertEquals(Sender.Kind.TRANSIENT, Sender.Failure.of(new TelegramApiRequestException("Unable to deserialize response")).kind());
        ApiResponse<?> blocked = ApiResponse.builder().ok(false).errorCode(403).errorDescription("Forbidden: bot was blocked by the user").build();
        assertEquals(Sender.Kind.REFUSED, Sender.Failure.of(new TelegramApiRequestException("x", blocked)).kind());
    }

    @Test
    void theTelegramCommandWithoutATokenIsOneLineAndExitCode2() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TELEGRAM_BOT_TOKEN") == null, "a token is set here");
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            code = luohu.Main.run("telegram");
        } finally {
            System.setErr(old);
        }
        String out = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, code, out);
        assertEquals(1, out.strip().lines().count(), out);
        assertTrue(out.startsWith("luohu: TELEGRAM_BOT_TOKEN is not set"), out);
    }

    @Test
    void theApiUrlSettingTakesSchemeHostAndPortOnly() {
        assertEquals(TelegramUrl.DEFAULT_URL, TelegramCommand.apiUrl(null));
        TelegramUrl local = TelegramCommand.apiUrl("http://127.0.0.1:8081");
        assertEquals("http", local.getSchema());
        assertEquals("127.0.0.1", local.getHost());
        assertEquals(8081, local.getPort());
        assertEquals(443, TelegramCommand.apiUrl("https://bots.example.org/").getPort());
        var e = assertThrows(IllegalArgumentException.class, () -> TelegramCommand.apiUrl("https://api.telegram.org/bot123:abc/"));
        assertFalse(e.getMessage().contains("123:abc"), "the message does not echo what might be a token");
        assertThrows(IllegalArgumentException.class, () -> TelegramCommand.apiUrl("ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> TelegramCommand.apiUrl("not a url"));
    }
}
