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

    public Segmenter(Collection<String> domainWords) {
        synchronized (LOCK) {
            for (String w : domainWords) {
                if (w != null && !w.isBlank() && !CustomDictionary.contains(w)) CustomDictionary.insert(w, "nz 1024");
            }
            SEGMENT.seg("预热"); // loads the dictionaries now rather than on the first message
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
        return out;
    }
}
