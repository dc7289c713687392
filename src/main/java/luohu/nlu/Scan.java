package luohu.nlu;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One message's text and tokens, with where the {@link WordIndex}'s words occur in it. Answers "does one of these
 * words occur" as {@link IntentClassifier#occurs} does for each, without searching the text again for indexed words.
 */
final class Scan {
    private final WordIndex index;
    final String text;
    final List<Token> tokens;
    /** The occurrences found, by where they start: word id and start. */
    private int[] ids = new int[16], starts = new int[16];
    private int size;
    /** The ids found, as bits. */
    private final long[] found;

    Scan(WordIndex index, String text, List<Token> tokens) {
        this.index = index;
        this.text = text;
        this.tokens = tokens;
        this.found = new long[(index.size() + 63) >>> 6];
    }

    void hit(int begin, int id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
        }
        ids[size] = id;
        starts[size++] = begin;
        found[id >>> 6] |= 1L << id;
    }

    private boolean found(int id) {
        return (found[id >>> 6] & (1L << id)) != 0;
    }

    /** Whether one of the words occurs, as {@link IntentClassifier#occurs} reads each. */
    boolean any(List<String> words) {
        WordIndex.Cue cue = index.compiled(words);
        if (cue != null) {
            long[] bits = cue.bits();
            for (int i = 0; i < bits.length; i++) if ((bits[i] & found[i]) != 0) return true;
            for (int i = 0; i < cue.others().size(); i++) if (IntentClassifier.occurs(cue.others().get(i), text, tokens)) return true;
            return false;
        }
        for (String w : words) {
            int id = index.id(w);
            if (id >= 0 ? found(id) : IntentClassifier.occurs(w, text, tokens)) return true;
        }
        return false;
    }

    /** Whether an intent's or ask's cue matches: one word of each of its groups, or one of its words. */
    boolean matches(Lexicon.IntentCue c) {
        return c.all() != null ? all(c.all()) : any(c.words());
    }

    /** Whether every group has one of its words occurring: a cue of several groups needs one word of each. */
    boolean all(List<List<String>> groups) {
        for (List<String> g : groups) if (!any(g)) return false;
        return true;
    }

    /** Where the word starts last in the text, or -1. */
    int lastIndexOf(String w) {
        int id = index.id(w);
        if (id < 0) return text.lastIndexOf(w);
        if (!found(id)) return -1;
        int at = -1;
        for (int i = 0; i < size; i++) if (ids[i] == id) at = Math.max(at, starts[i]);
        return at;
    }

    /** The last start of the word that {@code skip} does not refuse, or -1. */
    int lastIndexOf(String w, IntPredicate skip) {
        int id = index.id(w);
        int at = -1;
        if (id < 0) {
            for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) if (!skip.test(i)) at = Math.max(at, i);
            return at;
        }
        if (!found(id)) return -1;
        for (int i = 0; i < size; i++) if (ids[i] == id && !skip.test(starts[i])) at = Math.max(at, starts[i]);
        return at;
    }
}
