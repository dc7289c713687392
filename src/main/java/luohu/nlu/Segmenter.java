package luohu.nlu;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * HanLP's standard segmenter with the domain words added. Words are added once, before the first message:
 * HanLP's analysis is thread-safe, its dictionary changes are not.
 */
public final class Segmenter {
    private static final Object LOCK = new Object();
    /**
     * HanLP's standard segmenter without its recognisers of personal and transliterated names: no answer turns on a
     * person's name, and they cost a third of the time of a message.
     */
    private static final Segment SEGMENT = HanLP.newSegment().enableNameRecognize(false).enableTranslatedNameRecognize(false);

    /**
     * Words kept whole against a neighbour's word that takes part of them ("老|公办投靠" is 老公|办投靠), by their first
     * character, longest first; and the same words as a set.
     */
    private final java.util.Map<Character, List<String>> wholeByFirst;
    private final java.util.Set<String> whole;
    /** Every word to keep whole, of one character too (妈): after 他/她 in one token, a relative of the one named. */
    private final java.util.Set<String> relatives;

    public Segmenter(Collection<String> domainWords) {
        this(domainWords, List.of());
    }

    /** @param whole words (the relatives') that a following word must not split: the neighbour gives up its start */
    public Segmenter(Collection<String> domainWords, Collection<String> whole) {
        List<String> kept = whole.stream().filter(w -> w.length() > 1).sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        this.whole = java.util.Set.copyOf(kept);
        this.relatives = java.util.Set.copyOf(whole);
        this.wholeByFirst = kept.stream().collect(java.util.stream.Collectors.groupingBy(w -> w.charAt(0),
                java.util.stream.Collectors.toUnmodifiableList()));
        synchronized (LOCK) {
            for (String w : domainWords) {
                if (w != null && !w.isBlank() && !CustomDictionary.contains(w)) CustomDictionary.insert(w, "nz 1024");
            }
            SEGMENT.seg("预热"); // loads the dictionaries now rather than on the first message
        }
    }

    /**
     * Loads HanLP's dictionaries now (they take about a tenth of a second), so that another thread can do it while
     * the policies are read; a segmenter made meanwhile waits for it.
     */
    public static void preload() {
        synchronized (LOCK) {
            SEGMENT.seg("预热");
        }
    }

    public List<Token> segment(String normalised) {
        List<Token> out = new ArrayList<>();
        if (normalised.isEmpty()) return out;
        int pos = 0;
        for (Term t : SEGMENT.seg(normalised)) {
            int start = normalised.indexOf(t.word, pos);
            if (start < 0) start = pos;
            int end = start + t.word.length();
            if (!t.word.isBlank()) out.add(new Token(t.word, start, end, t.nature == null ? "x" : t.nature.toString()));
            pos = end;
        }
        return whole.isEmpty() ? out : keepWhole(ownRelatives(out));
    }

    /** "他妈是赤峰户口": a token of 他/她 and a relative's word (a dictionary word of its own) is the two words. */
    private List<Token> ownRelatives(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = t.text();
            if (w.length() < 2 || w.charAt(0) != '他' && w.charAt(0) != '她' || !relatives.contains(w.substring(1))) continue;
            tokens.set(i, new Token(w.substring(0, 1), t.start(), t.start() + 1, "rr"));
            tokens.add(i + 1, new Token(w.substring(1), t.start() + 1, t.end(), "n"));
        }
        return tokens;
    }

    /** A token and the start of the next spelling a word to keep whole: that word, then the rest of the next. */
    private List<Token> keepWhole(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token a = tokens.get(i), b = tokens.get(i + 1);
            // "大|姐夫" stays: the next is a word to keep whole itself
            if (a.end() != b.start()) continue;
            List<String> candidates = wholeByFirst.get(a.text().charAt(0));
            if (candidates == null || whole.contains(b.text())) continue;
            String at = a.text(), next = b.text();
            for (String w : candidates) {
                // w spells a, then a start of the next that leaves some of it
                int into = w.length() - at.length();
                if (into <= 0 || into >= next.length() || !w.startsWith(at) || !next.regionMatches(0, w, at.length(), into)) continue;
                int cut = a.start() + w.length();
                // the rest carries no part of speech of its own: it does not end a statement
                tokens.set(i, new Token(w, a.start(), cut, "n"));
                tokens.set(i + 1, new Token(next.substring(into), cut, b.end(), "x"));
                break;
            }
        }
        return tokens;
    }
}
