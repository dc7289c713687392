package luohu.store;

import luohu.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --store values: what each names, and a password never shown. */
class StoreUrlTest {
    @Test
    void eachKindIsReadAndThePasswordIsNeverShown() {
        StoreUrl sqlite = StoreUrl.parse("sqlite:/var/lib/luohu/luohu.db", null);
        assertEquals(StoreUrl.Kind.SQLITE, sqlite.kind());
        assertEquals(Path.of("/var/lib/luohu/luohu.db"), sqlite.file());
        assertEquals(StoreUrl.Kind.MEMORY, StoreUrl.parse("memory:", null).kind());

        StoreUrl pg = StoreUrl.parse("postgresql://luohu:s3cret-pw@db.example.org/luohu?sslmode=require", null);
        assertEquals("jdbc:postgresql://db.example.org:5432/luohu?sslmode=require", pg.jdbcUrl());
        assertEquals("luohu", pg.user());
        assertEquals("s3cret-pw", pg.password());
        assertEquals("postgresql://luohu@db.example.org:5432/luohu", pg.display());
        assertFalse(pg.toString().contains("s3cret"));

        StoreUrl env = StoreUrl.parse("postgresql://luohu@127.0.0.1:6543/x", "from-env");
        assertEquals("from-env", env.password());
        assertEquals("jdbc:postgresql://127.0.0.1:6543/x", env.jdbcUrl());
        assertNull(StoreUrl.parse("postgresql://h/x", null).user());

        for (String bad : new String[]{"mysql://u:pw-secret@h/db", "sqlite:", "postgresql://h", "postgresql://u:pw-secret@/db", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreUrl.parse(bad, null), bad);
            assertFalse(e.getMessage().contains("pw-secret"), e.getMessage());
        }
    }

    @Test
    void aStoreThatCannotBeNamedIsOneLineAndExitCodeTwo() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("chat", "--jsonl", "--store", "mysql://u:pw-secret@h/db");
        } finally {
            System.setErr(oldErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, e);
        assertEquals(1, e.strip().lines().count(), e);
        assertTrue(e.contains("--store must be"), e);
        assertFalse(e.contains("pw-secret"), e);
    }
}
