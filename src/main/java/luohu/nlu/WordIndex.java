package luohu.nlu;

import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cue words of the lexicon, by their first character: a message is read once for all of them, and each
 * classifier then asks whether its words occur instead of searching the text for every word again. Holds the Chinese
 * words of two characters or more; words of one character (matched as whole tokens) and Latin words (matched as
 * whole words) are looked up as before. Immutable and thread-safe. (An Aho-Corasick automaton reads a message no
 * faster at these lengths, and takes far longer to build when the process starts.)
 */
final class WordIndex {
    private final Map<String, Integer> ids = new HashMap<>();
    /** The indexed words starting with a character, with their ids, by the character (no boxing on the way). */
    private final Word[][] byFirst = new Word[Character.MAX_VALUE + 1][];

    private record Word(String text, int id) {
    }
    /**
     * A cue list as the bits of its indexed words' ids, checked against a message's words a machine word at a time,
     * and its words looked up in the text instead (one character, Latin).
     */
    record Cue(long[] bits, List<String> others) {
    }

    /** Each cue list, by identity: the lexicon's lists live as long as it does. */
    private final Map<List<String>, Cue> compiled = new IdentityHashMap<>();

    /** @param lists the lexicon's cue lists whose words are looked up in messages */
    WordIndex(Collection<List<String>> lists) {
        TreeMap<String, Integer> keyed = new TreeMap<>();
        for (List<String> l : lists) for (String w : l) if (indexed(w)) keyed.putIfAbsent(w, 0);
        int id = 0;
        for (Map.Entry<String, Integer> e : keyed.entrySet()) {
            e.setValue(id);
            ids.put(e.getKey(), id++);
        }
        Map<Character, List<Word>> first = new HashMap<>();
        keyed.forEach((w, i) -> first.computeIfAbsent(w.charAt(0), c -> new java.util.ArrayList<>()).add(new Word(w, i)));
        first.forEach((c, ws) -> byFirst[c] = ws.toArray(Word[]::new));
        for (List<String> l : lists) {
            java.util.BitSet bits = new java.util.BitSet();
            List<String> others = new java.util.ArrayList<>();
            for (String w : l) {
                if (indexed(w)) bits.set(ids.get(w));
                else others.add(w);
            }
            compiled.put(l, new Cue(bits.toLongArray(), List.copyOf(others)));
        }
    }

    private static boolean indexed(String w) {
        return w != null && w.length() > 1 && !IntentClassifier.isLatin(w.charAt(0));
    }

    /** One message read for every word of the index. */
    Scan scan(String text, List<Token> tokens) {
        Scan s = new Scan(this, text, tokens);
        for (int i = 0; i < text.length(); i++) {
            Word[] ws = byFirst[text.charAt(i)];
            if (ws == null) continue;
            for (Word w : ws) if (text.startsWith(w.text, i)) s.hit(i, w.id);
        }
        return s;
    }

    /** The word's number in the index, or -1 when it is not indexed. */
    int id(String word) {
        Integer id = ids.get(word);
        return id == null ? -1 : id;
    }

    /** The list as a {@link Cue}, or null for a list the index was not given. */
    Cue compiled(List<String> words) {
        return compiled.get(words);
    }

    /** How many words the index holds: their ids are 0 to this less one. */
    int size() {
        return ids.size();
    }
}
