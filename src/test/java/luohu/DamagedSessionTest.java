package luohu;

import luohu.dialog.Reply;
import luohu.store.CachedStore;
import luohu.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session row that cannot be read or used never locks its chat out. */
class DamagedSessionTest {
    private static final String[] DAMAGE = {
            "this is not json",
            "[1, 2, 3]",
            "{\"v\": 2, \"state\": \"interview\", \"place\": \"赤峰\", \"facts\": {\"lease_months\": \"很多\", \"housing\": {\"x\": 1}}, \"asked\": \"no_such_fact\", \"turns\": 3}",
            "{\"v\": 2, \"state\": \"no_such_state\", \"place\": \"月球\", \"facts\": {\"no_such_fact\": true}, \"asked\": \"housing\", \"turns\": 3}",
    };

    @TempDir
    Path dir;

    private void damage(SqliteStore store, String chat, String data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             PreparedStatement ps = c.prepareStatement("UPDATE sessions SET data = ? WHERE chat = ?")) {
            ps.setString(1, data);
            ps.setString(2, store.chatKey(chat));
            assertEquals(1, ps.executeUpdate());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void forgetWorksAndTheChatStartsOverWithANotice(int kind) throws Exception {
        SqliteStore sqlite = SqliteStore.open(dir, Duration.ofDays(30), TestAssistants.CLOCK);
        try (Assistant a = TestAssistants.withStore(new CachedStore(sqlite, 100))) {
            a.reply("victim", "我在赤峰租房两年了，能落户吗");
            a.reply("forgetter", "我在赤峰租房两年了，能落户吗");
            damage(sqlite, "victim", DAMAGE[kind]);
            damage(sqlite, "forgetter", DAMAGE[kind]);
        }
        sqlite = SqliteStore.open(dir, Duration.ofDays(30), TestAssistants.CLOCK);
        try (Assistant a = TestAssistants.withStore(new CachedStore(sqlite, 100))) {
            Reply forgot = a.reply("forgetter", "删除我的信息");
            assertTrue(forgot.text().contains("已删除"), forgot.text());
            assertTrue(sqlite.load("forgetter").isEmpty(), "the damaged row is gone");

            Reply r = a.reply("victim", "我在聊城买了房，能落户吗");
            assertTrue(r.text().startsWith("抱歉，您之前的对话记录无法读取"), r.text());
            assertTrue(r.text().contains("聊城"), r.text());
            assertTrue(sqlite.load("victim").orElseThrow().place().startsWith("聊城"), "the new conversation is stored");
            Reply next = a.reply("victim", "需要什么材料");
            assertFalse(next.text().contains("无法读取"), next.text());
        }
    }
}
