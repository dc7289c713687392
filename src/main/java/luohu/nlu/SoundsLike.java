package luohu.nlu;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

import java.util.ArrayList;
import java.util.List;

/** How a word sounds: HanLP's pinyin of each character, without tones, syllables joined by spaces. */
final class SoundsLike {
    private SoundsLike() {
    }

    static String pinyin(String word) {
        List<String> out = new ArrayList<>();
        for (Pinyin p : HanLP.convertToPinyinList(word)) out.add(p.getPinyinWithoutTone());
        return String.join(" ", out);
    }
}
