package luohu.nlu;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cue words of the lexicon in one Aho-Corasick automaton: a message is read once for all of them, and each
 * classifier then asks whether its words occur instead of searching the text for every word again. Holds the Chinese
 * words of two characters or more; words of one character (matched as whole tokens) and Latin words (matched as
 * whole words) are looked up as before. Immutable and thread-safe.
 */
final class WordIndex {
    private final AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
    private final Map<String, Integer> ids = new HashMap<>();
    /**
     * Each cue list, by identity (the lexicon's lists live as long as it does), as the ids of its words: a word
     * looked up in the text instead (one character, Latin) is -1 - its position in the list.
     */
    private final Map<List<String>, int[]> compiled = new IdentityHashMap<>();

    /** @param lists the lexicon's cue lists whose words are looked up in messages */
    WordIndex(Collection<List<String>> lists) {
        TreeMap<String, Integer> keyed = new TreeMap<>();
        for (List<String> l : lists) for (String w : l) if (indexed(w)) keyed.putIfAbsent(w, 0);
        int id = 0;
        for (Map.Entry<String, Integer> e : keyed.entrySet()) {
            e.setValue(id);
            ids.put(e.getKey(), id++);
        }
        if (!keyed.isEmpty()) trie.build(keyed);
        for (List<String> l : lists) {
            int[] c = new int[l.size()];
            for (int i = 0; i < c.length; i++) c[i] = indexed(l.get(i)) ? ids.get(l.get(i)) : -1 - i;
            compiled.put(l, c);
        }
    }

    private static boolean indexed(String w) {
        return w != null && w.length() > 1 && !IntentClassifier.isLatin(w.charAt(0));
    }

    /** One message read for every word of the index. */
    Scan scan(String text, List<Token> tokens) {
        Scan s = new Scan(this, text, tokens);
        if (!ids.isEmpty()) trie.parseText(text, s::hit);
        return s;
    }

    /** The word's number in the index, or -1 when it is not indexed. */
    int id(String word) {
        Integer id = ids.get(word);
        return id == null ? -1 : id;
    }

    /** The list's words as {@link #compiled} holds them, or null for a list the index was not given. */
    int[] compiled(List<String> words) {
        return compiled.get(words);
    }
}
