package luohu.nlu;

import com.hankcs.hanlp.dictionary.CoreBiGramTableDictionary;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;

/**
 * Loads HanLP's dictionaries on a thread of their own while the main thread reads the policy and dialog files: on
 * two cores the two loads overlap, and the first answer comes sooner. Only reads: the domain words are still added
 * by {@link Segmenter}, whose use of these classes waits for their loading to finish.
 */
public final class DictionaryPreload {
    private DictionaryPreload() {
    }

    public static void start() {
        Thread t = new Thread(() -> {
            CoreDictionary.contains("户口");
            CoreBiGramTableDictionary.getBiFrequency("户口", "迁移");
            CustomDictionary.contains("户口");
        }, "luohu-dictionaries");
        t.setDaemon(true);
        t.start();
    }
}
