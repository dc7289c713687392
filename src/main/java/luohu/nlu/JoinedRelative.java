package luohu.nlu;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whom the one who would settle comes to, said by a word of moving or living and the one joined, a place perhaps
 * between them: the speaker ("想落到铁岭我家", "他在城区跟我住", "她投靠我") or a relative ("去我儿媳那", "迁到他那",
 * "跟我闺女落一块"). Joining someone is what local_relative says.
 */
final class JoinedRelative {
    /** What the one joined is: the speaker (plural: 我们…), or a relation id of the lexicon's relatives. */
    record Joined(boolean speaker, boolean plural, String relation, String word) {
    }

    private static final String SELF = "(我们|俺们|咱们|我|俺|咱)";
    /** Words of wishing before a verb that alone does not say settling (去, 来, 跟). */
    private static final Pattern WISH = Pattern.compile("想|要|打算|准备|愿意");
    private final Pattern toSpeaker;
    private final Pattern toRelative;
    private final Pattern toPronoun;
    private final Map<String, String> relationOf;
    private final List<String> settlingVerbs;
    private final List<String> verbs;

    JoinedRelative(List<String> verbs, Map<String, List<String>> relatives) {
        this.relationOf = relatives.entrySet().stream().flatMap(e -> e.getValue().stream().map(w -> Map.entry(w, e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        String verb = alternation(verbs);
        String kin = alternation(List.copyOf(relationOf.keySet()));
        // a place of a few characters may stand between the verb and the one joined ("落到铁岭我家")
        // living with someone ("跟我住") is not joining them: 跟 and 和 count only before a relative one settles with
        String moving = alternation(verbs.stream().filter(v -> !v.equals("跟") && !v.equals("和")).toList());
        // ("落我户上": onto the speaker's household register)
        this.toSpeaker = Pattern.compile("(" + moving + ")(\\p{IsHan}{0,4}?)" + SELF + "(?=家|这|那|户|$|[^\\p{IsHan}])");
        this.toRelative = Pattern.compile("(" + verb + ")(\\p{IsHan}{0,4}?)" + SELF + "(" + kin + ")(?=那|家|这|落|户口)");
        // ("想迁到他村里": to the village the one named lives in)
        this.toPronoun = Pattern.compile("(" + verb + ")(他们|她们|他|她)(?=那|家|这|村)");
        this.verbs = List.copyOf(verbs);
        this.settlingVerbs = verbs.stream().filter(v -> v.startsWith("落") || v.startsWith("迁") || v.startsWith("投")).toList();
    }

    /**
     * @param text the message; each clause is read on its own, so a space or a comma ends a match
     * @return whom the one who would settle joins, or null when the message does not say
     */
    Joined find(String text) {
        if (!anyVerb(text)) return null; // every pattern starts at a verb: most clauses have none
        for (Matcher m = toRelative.matcher(text); m.find(); ) {
            if (!said(text, m) || m.group(2).contains("的")) continue;
            return new Joined(false, false, relationOf.get(m.group(4)), m.group(4));
        }
        for (Matcher m = toSpeaker.matcher(text); m.find(); ) {
            if (!said(text, m) || m.group(2).contains("的") || relationOf.keySet().stream().anyMatch(m.group(2)::contains)) continue;
            return new Joined(true, m.group(3).length() > 1, null, null);
        }
        for (Matcher m = toPronoun.matcher(text); m.find(); ) {
            if (!said(text, m)) continue;
            // 他/她: the relative named last in the clauses before ("我儿子…买了房 我跟老伴想迁到他那": not 老伴)
            int clause = Math.max(text.lastIndexOf(' ', m.start()), Math.max(text.lastIndexOf('，', m.start()), text.lastIndexOf(',', m.start())));
            String last = null;
            int at = -1;
            for (Map.Entry<String, String> e : relationOf.entrySet()) {
                int i = clause < 0 ? -1 : text.lastIndexOf(e.getKey(), clause);
                if (i > at || i == at && last != null && e.getKey().length() > last.length()) {
                    at = i;
                    last = e.getKey();
                }
            }
            if (last != null) return new Joined(false, false, relationOf.get(last), last);
        }
        return null;
    }

    private boolean anyVerb(String text) {
        for (int i = 0; i < verbs.size(); i++) if (text.contains(verbs.get(i))) return true;
        return false;
    }

    /**
     * A verb of settling (迁到, 投靠) or of being with someone (跟我住) says it alone; going or coming (去, 来) needs a
     * wish before it ("想去我儿媳那"), else it may be a visit.
     */
    private boolean said(String text, Matcher m) {
        if (settlingVerbs.contains(m.group(1)) || m.group(1).equals("跟") || m.group(1).equals("和")) return true;
        String before = text.substring(Math.max(0, m.start() - 8), m.start());
        int cut = Math.max(before.lastIndexOf(' '), Math.max(before.lastIndexOf('，'), before.lastIndexOf(',')));
        return WISH.matcher(before.substring(cut + 1)).find();
    }

    private static String alternation(List<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).collect(Collectors.joining("|"));
    }
}
