package luohu.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds phrases in a token list where consecutive whole tokens spell them, longest first, without overlaps.
 * Matching whole tokens keeps "有房子" out of "没有房子".
 *
 * @param <T> what a phrase stands for
 */
public final class PhraseIndex<T> {
    private final Map<String, List<T>> phrases = new HashMap<>();
    /** Every phrase's beginnings, the phrase included: a run of tokens that is none stops the search there. */
    private final Set<String> prefixes = new HashSet<>();
    private int maxLength = 0;
    /** The first characters of the phrases: a token starting otherwise is passed over without a hash look-up. */
    private final java.util.BitSet starts = new java.util.BitSet();

    public void add(String phrase, T value) {
        phrases.computeIfAbsent(phrase, k -> new ArrayList<>()).add(value);
        if (!phrase.isEmpty()) starts.set(phrase.charAt(0));
        for (int n = 1; n <= phrase.length(); n++) prefixes.add(phrase.substring(0, n));
        maxLength = Math.max(maxLength, phrase.length());
    }

    public boolean isEmpty() {
        return phrases.isEmpty();
    }

    /** A phrase found at tokens [first, last]. */
    public record Match<T>(int first, int last, String phrase, List<T> values) {
    }

    public List<Match<T>> find(List<Token> tokens) {
        List<Match<T>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match<T> best = null;
            // the token itself first: most tokens begin no phrase, and then nothing is built
            String run = tokens.get(i).text();
            if (run.isEmpty() || !starts.get(run.charAt(0))) {
                i++;
                continue;
            }
            for (int j = i; run.length() <= maxLength && prefixes.contains(run); ) {
                List<T> v = phrases.get(run);
                if (v != null) best = new Match<>(i, j, run, v);
                if (++j >= tokens.size()) break;
                run = run + tokens.get(j).text();
            }
            if (best != null) {
                out.add(best);
                i = best.last() + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Whether any phrase occurs in the tokens. */
    public boolean occursIn(List<Token> tokens) {
        return !find(tokens).isEmpty();
    }
}
