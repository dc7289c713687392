package luohu.nlu;

import com.hankcs.hanlp.dictionary.CoreDictionary;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    /** Pinyin to the one domain word that sounds so (null where two words sound the same). */
    private final Map<String, String> bySound = new HashMap<>();

    TypoFixer(Collection<String> domainWords) {
        Set<String> ambiguous = new HashSet<>();
        for (String w : domainWords) {
            if (w.length() < MIN || w.length() > MAX || !w.codePoints().allMatch(TypoFixer::han)) continue;
            String py = SoundsLike.pinyin(w);
            String had = bySound.putIfAbsent(py, w);
            if (had != null && !had.equals(w)) ambiguous.add(py);
        }
        ambiguous.forEach(bySound::remove);
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
                String run = text.substring(i, i + l);
                if (!run.chars().allMatch(TypoFixer::han)) continue;
                String word = bySound.get(SoundsLike.pinyin(run));
                if (word == null || word.equals(run) || CoreDictionary.contains(run) || !sharesPlace(run, word)) continue;
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

    /** One character typed for another of the same sound, the rest as the word has them. */
    private static boolean sharesPlace(String a, String b) {
        int differ = 0;
        for (int k = 0; k < a.length(); k++) if (a.charAt(k) != b.charAt(k)) differ++;
        return differ == 1;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
