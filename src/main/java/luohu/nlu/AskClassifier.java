package luohu.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds what a message wants to know (the {@link Ask}) and the pathway topics its words point at, from
 * dialogs/lexicon.yaml. An ask without cue words follows from the intent: a topic question asks about its topic,
 * a case message whether the applicant can settle.
 */
final class AskClassifier {
    private final List<Lexicon.IntentCue> cues;
    private final Map<String, List<String>> pathwayWords;
    private final List<String> negators;

    AskClassifier(Lexicon lexicon) {
        this.cues = lexicon.asks();
        this.pathwayWords = lexicon.pathwayWords();
        this.negators = lexicon.negation().before();
        for (Lexicon.IntentCue c : cues) Ask.parse(c.id()); // an unknown id fails at start, not on a message
    }

    Ask classify(Scan scan, Intent intent) {
        // control messages ask nothing even when they carry cue words ("删除我的资料")
        switch (intent) {
            case RESTART, FORGET, THANKS, GREETING, CORRECTION -> {
                return intent == Intent.CORRECTION ? byCue(scan, Ask.NONE) : Ask.NONE;
            }
            default -> {
            }
        }
        // a question on a topic of its own (居住证, land, no hukou, the document) is answered from that topic's rules,
        // whatever it asks of it ("居住证在哪办", "收养的孩子上户口要啥证明"): no pathway's office or materials apply
        if (intent.general() && intent != Intent.COMPARE) return Ask.TOPIC;
        Ask cued = byCue(scan, null);
        // a statement with no question in it asks nothing, whatever practical word it tells its case with ("害我白跑一趟");
        // family along (老婆孩子也一起) is still said for the answer to take in
        if (intent == Intent.INFORM && cued != Ask.FAMILY && !questioning(scan.text)) return Ask.NONE;
        if (cued != null) return cued;
        return switch (intent) {
            case COMPARE -> Ask.COMPARE;
            case RESIDENCE_PERMIT, LAND, NO_HUKOU, POLICY_INFO -> Ask.TOPIC;
            case REQUIREMENT -> Ask.REQUIREMENT;
            case MATERIALS -> Ask.MATERIALS;
            case REGISTRATION -> Ask.REGISTRATION;
            case SETTLE, RESULT -> Ask.SETTLE;
            case HELP -> Ask.IDENTITY;
            default -> Ask.NONE;
        };
    }

    private static final List<String> QUESTION_WORDS = List.of("?", "？", "吗", "么", "呢", "能不能", "可不可以", "行不行", "咋", "怎么", "如何",
            "哪", "多少", "多久", "几", "啥", "什么");

    /** Whether a message puts a question: a question mark or word, or a yes-no question ending in 不/没 ("能网上办不"). */
    static boolean questioning(String text) {
        String t = text.strip();
        return Texts.containsAny(t, QUESTION_WORDS) || t.endsWith("不") || t.endsWith("没");
    }

    /** The ask the message's own words name, or null when none does. */
    Ask cued(Scan scan) {
        return byCue(scan, null);
    }

    /** Every ask whose cue words the message has, in the lexicon's order ("要花多少钱 多久能办好": fees, time). */
    List<Ask> all(Scan scan) {
        List<Ask> out = new ArrayList<>();
        for (Lexicon.IntentCue c : cues) {
            if (scan.matches(c) && !out.contains(Ask.parse(c.id()))) out.add(Ask.parse(c.id()));
        }
        return out;
    }

    /**
     * The ask whose cue comes last in the message: the question usually closes it ("户口想跟着迁过去 身份证也得带上吗"
     * asks about materials); among cues ending at the same place, the lexicon's order.
     */
    private Ask byCue(Scan scan, Ask otherwise) {
        Ask best = otherwise;
        int bestAt = -1;
        for (Lexicon.IntentCue c : cues) {
            if (!scan.matches(c)) continue;
            // "媳妇孩子都跟过来了", "户口也迁过去了", "她也跟着我在石河子住": coming along told as done, or living
            // together, asks nothing of who may come along
            if (Ask.parse(c.id()) == Ask.FAMILY && toldAlong(scan.text, c.all() != null ? c.all().get(0) : c.words())) continue;
            int at = c.all() != null ? lastEnd(c.all().get(c.all().size() - 1), scan) : lastEnd(c.words(), scan);
            if (at > bestAt) {
                bestAt = at;
                best = Ask.parse(c.id());
            }
        }
        return best;
    }

    /** How far after a word of coming along the rest of its statement is looked at, in characters. */
    private static final int ALONG_REACH = 6;
    private static final String BREAKS = " ,.!?;:，。！？；：";

    /** Every word of coming along in the text is told as done (…了, …的) or as living together (…住). */
    private static boolean toldAlong(String text, List<String> words) {
        boolean any = false;
        for (String w : words) {
            for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
                any = true;
                int from = i + w.length(), to = from;
                while (to < text.length() && to - from < ALONG_REACH && BREAKS.indexOf(text.charAt(to)) < 0) to++;
                String rest = text.substring(from, to);
                boolean done = rest.startsWith("的") || rest.contains("住") && !rest.contains("落") && !rest.contains("迁");
                int le = rest.indexOf('了');
                if (le >= 0 && (le + 1 >= rest.length() || "吗没不么呢".indexOf(rest.charAt(le + 1)) < 0)) done = true;
                if (!done) return false;
            }
        }
        return any;
    }

    private static int lastEnd(List<String> words, Scan scan) {
        int end = 0;
        for (String w : words) {
            int i = scan.lastIndexOf(w);
            if (i >= 0) end = Math.max(end, i + w.length());
        }
        return end;
    }

    /** "没买房", "不是租的": a word right after a negator of the lexicon points at no pathway. */
    private boolean negated(String text, int at) {
        String before = text.substring(0, at);
        return Texts.endsWithAny(before, negators);
    }

    /**
     * The pathway topics the message's words point at, the one named last first: the question comes at the end
     * ("我买了房，能让我老婆单独落户吗" is about 单独落户).
     */
    List<String> pathwayTopics(Scan scan) {
        return IntentClassifier.byLastOccurrence(pathwayWords, scan, at -> negated(scan.text, at));
    }
}
