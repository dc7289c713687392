package luohu.nlu;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.io.IOUtil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Traditional characters to simplified, as HanLP's t2s table converts them. HanLP builds its matcher for that table
 * on first use, which costs a new process a fifth of a second; most messages are typed in simplified characters and
 * hold no entry of the table that changes anything, so the table's keys are read first (a plain list) and HanLP is
 * asked only when one of them occurs. Where none occurs HanLP's longest-match conversion returns the text unchanged,
 * so the result is the same either way.
 */
final class Simplifier {
    /** Keys of the table that map to other text, by their first character (an array: no character is boxed). */
    private static final String[][] KEYS = keys();

    private Simplifier() {
    }

    static String simplified(String text) {
        return changes(text) ? HanLP.convertToSimplifiedChinese(text) : text;
    }

    /** Whether a key that maps to other text occurs in the text. */
    static boolean changes(String text) {
        for (int i = 0; i < text.length(); i++) {
            String[] keys = KEYS[text.charAt(i)];
            if (keys == null) continue;
            for (String k : keys) if (text.startsWith(k, i)) return true;
        }
        return false;
    }

    private static String[][] keys() {
        String path = HanLP.Config.tcDictionaryRoot + "t2s.txt";
        Map<Character, List<String>> byFirst = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(IOUtil.newInputStream(path), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("\uFEFF")) line = line.substring(1);
                int eq = line.indexOf('=');
                // an entry that maps a key to itself changes nothing; a line HanLP cannot read is kept, to be safe
                if (eq == 0 || eq > 0 && line.substring(0, eq).equals(line.substring(eq + 1))) continue;
                String key = eq < 0 ? line : line.substring(0, eq);
                if (!key.isEmpty()) byFirst.computeIfAbsent(key.charAt(0), c -> new ArrayList<>()).add(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("HanLP's table " + path + " is unreadable", e);
        }
        String[][] out = new String[Character.MAX_VALUE + 1][];
        byFirst.forEach((c, keys) -> out[c] = keys.toArray(String[]::new));
        return out;
    }
}
