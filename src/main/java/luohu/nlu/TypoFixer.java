package luohu.nlu;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import luohu.common.Lazy;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words of the domain typed with one character of the same sound ("签移证" for 迁移证, "录取通知数" for 录取通知书, "就业力户"
 * for 就业立户): a run of three to five Chinese characters that is no word of its own, sounds exactly like one domain word
 * and no other, and differs from it in one character, is read as that word. Two-character words are left alone: too
 * many everyday pairs of words sound like one ("年零" and 年龄). Linear in the message's length.
 */
final class TypoFixer {
    private static final int MIN = 3;
    private static final int MAX = 5;
    /**
     * Pinyin to the one domain word that sounds so (none where two words sound the same); made when a message first
     * holds a near miss, as sounding out every word is the dear part of building the fixer.
     */
    private final Lazy<Map<String, String>> bySound;
    /**
     * Each word with one character masked, to the words written so: a run is sounded out only when it matches a word
     * but for one character, so a message costs hash lookups, not pinyin, unless it holds a near miss. Words that
     * share their sound with another are here too (telling them apart needs pinyin); {@link #bySound} never names them.
     * The keys are sorted for a binary search: a look-up boxes no key, and every run of every message is looked up.
     */
    private final long[] maskKeys;
    private final List<String>[] maskWords;
    /**
     * By length, the characters the words start with, and their second characters: a near miss keeps one of the two,
     * so a run that has neither is passed over before any key is made.
     */
    private final java.util.BitSet[] firstChars = new java.util.BitSet[MAX + 1], secondChars = new java.util.BitSet[MAX + 1];
    /** Runs sounded out before: near misses of domain words recur ("户口薄"), and pinyin is the dear part. */
    private final Map<String, String> sounds = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int SOUNDS_KEPT = 20_000;
    /** Particles and negators: typed, they are meant, not a word's character of the same sound. */
    private static final String PARTICLES = "不吗呢了的吧么嘛没啊呀";

    TypoFixer(Collection<String> domainWords) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : domainWords) {
            if (w.length() >= MIN && w.length() <= MAX && w.codePoints().allMatch(TypoFixer::han)) words.add(w);
        }
        java.util.TreeMap<Long, List<String>> byMask = new java.util.TreeMap<>();
        for (int l = 0; l <= MAX; l++) {
            firstChars[l] = new java.util.BitSet();
            secondChars[l] = new java.util.BitSet();
        }
        for (String w : words) {
            firstChars[w.length()].set(w.charAt(0));
            secondChars[w.length()].set(w.charAt(1));
            for (int k = 0; k < w.length(); k++) byMask.computeIfAbsent(maskKey(w, 0, w.length(), k), x -> new java.util.ArrayList<>()).add(w);
        }
        maskKeys = byMask.keySet().stream().mapToLong(Long::longValue).toArray();
        @SuppressWarnings("unchecked")
        List<String>[] lists = byMask.values().stream().map(List::copyOf).toArray(List[]::new);
        maskWords = lists;
        bySound = new Lazy<>(() -> bySound(words));
    }

    private static Map<String, String> bySound(Set<String> words) {
        Map<String, String> out = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String w : words) {
            String py = SoundsLike.pinyin(w);
            String had = out.putIfAbsent(py, w);
            if (had != null && !had.equals(w)) ambiguous.add(py);
        }
        ambiguous.forEach(out::remove);
        return out;
    }

    /**
     * The key of text[from, to) with its k-th character masked: its length, the masked place and a hash of the other
     * characters, computed in place, as every run of a message is looked up; words found under it are compared in full.
     */
    private static long maskKey(CharSequence text, int from, int to, int k) {
        long h = 0;
        for (int j = from; j < to; j++) h = h * 65_599 + (j - from == k ? 0 : text.charAt(j));
        return h * 64 + (to - from) * 8L + k;
    }

    /** Whether the word is text[from, to) but for its k-th character, which differs. */
    private static boolean nearMiss(String w, String text, int from, int to, int k) {
        if (w.length() != to - from || w.charAt(k) == text.charAt(from + k)) return false;
        for (int j = 0; j < w.length(); j++) if (j != k && w.charAt(j) != text.charAt(from + j)) return false;
        return true;
    }

    /** The domain word that text[from, to) is, typed with one character of the same sound; null when there is none. */
    private String soundsAs(String text, int from, int to) {
        String sound = null;
        // masked at 0, a near miss has the word's second character; masked further on, its first
        boolean firstFits = firstChars[to - from].get(text.charAt(from)), secondFits = secondChars[to - from].get(text.charAt(from + 1));
        if (!firstFits && !secondFits) return null;
        for (int k = 0; k < to - from; k++) {
            if (k == 0 ? !secondFits : !firstFits) continue;
            // "能随他爸上伊宁户口不": a particle typed where a word's character sounds the same is the particle (不, not 簿)
            if (PARTICLES.indexOf(text.charAt(from + k)) >= 0) continue;
            int at = java.util.Arrays.binarySearch(maskKeys, maskKey(text, from, to, k));
            if (at < 0) continue;
            List<String> near = maskWords[at];
            for (String w : near) {
                if (!nearMiss(w, text, from, to, k)) continue;
                if (sound == null) sound = sound(text.substring(from, to));
                // the word's own sound first: whether another word sounds the same is asked of a real homophone only
                if (sound.equals(sound(w)) && w.equals(bySound.get().get(sound))) return w;
            }
        }
        return null;
    }

    private String sound(String run) {
        String known = sounds.get(run);
        if (known != null) return known;
        if (sounds.size() >= SOUNDS_KEPT) sounds.clear(); // bounded: a flood of distinct runs costs pinyin, not memory
        String py = SoundsLike.pinyin(run);
        sounds.put(run, py);
        return py;
    }

    /** @param tokens the text as segmented: a run is read only from one word boundary to another ("二连租房" is no 廉租房) */
    String fix(String text, List<Token> tokens) {
        boolean[] boundary = new boolean[text.length() + 1];
        boundary[text.length()] = true;
        for (Token t : tokens) {
            if (t.start() <= text.length()) boundary[t.start()] = true;
            if (t.end() <= text.length()) boundary[t.end()] = true;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); ) {
            if (!boundary[i]) {
                i++;
                continue;
            }
            String fixed = null;
            int len = 0;
            for (int l = MAX; l >= MIN && fixed == null; l--) {
                if (i + l > text.length() || !boundary[i + l]) continue;
                if (!allHan(text, i, i + l)) continue;
                String word = soundsAs(text, i, i + l);
                if (word == null || CoreDictionary.contains(text.substring(i, i + l))) continue;
                fixed = word;
                len = l;
            }
            if (fixed == null) {
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(text.length());
            out.append(text, copied, i).append(fixed);
            i += len;
            copied = i;
        }
        return out == null ? text : out.append(text.substring(copied)).toString();
    }

    private static boolean allHan(String text, int from, int to) {
        for (int j = from; j < to; j++) if (!han(text.charAt(j))) return false;
        return true;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
