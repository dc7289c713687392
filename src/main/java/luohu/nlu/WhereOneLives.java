package luohu.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static luohu.nlu.Clause.textOf;
import static luohu.nlu.Kinship.PRONOUNS;
import static luohu.nlu.TokenText.text;

/**
 * Where and with whom the applicant lives: in a relative's or a friend's home, with a relative named between the words
 * of living together, or in a village.
 */
final class WhereOneLives {
    private static final Pattern TO_RELATIVE_HOME = Pattern.compile(
            "(?:借住在?|住在?|在)(?:我们|我|俺们|俺|咱)?(\\p{IsHan}{1,3}?)家(?:住|里住|$)|(?:借住在?|住在?|住的是)(?:我们|我|俺们|俺|咱)?(\\p{IsHan}{1,3}?)家");
    private static final Pattern LIVING_WITH = Pattern.compile(
            "(不|没有|没)?(?:跟|和|同|随|与)着?(我们|我|俺们|俺|咱们|咱|之)?(\\p{IsHan}{0,4}?)(?:一家子|一家|一起|一块儿|一块|们|家)?(?:在\\p{IsHan}{1,8}?)?"
                    + "(?:住|生活|居住|同住|长大|过(?=$|日子|呢))");
    /** Words for the speaker and their spouse, or the two of them, after 跟我们 ("跟我们老两口在二连过"). */
    private static final java.util.Set<String> COUPLE = java.util.Set.of("老两口", "俩", "两口子", "老俩", "俩人", "两个");
    /** The speaker's own home after the words of living ("住俺家", "在我们家住"). */
    private static final Pattern SPEAKER_HOME = Pattern.compile("(?:我们|我|俺们|俺|咱)家");
    /** Words of living or being somewhere before whose home is named ("住在", "在"). */
    private static final Pattern LIVING_WORDS = Pattern.compile("^(?:借住在?|住在?|在)?(?:我们|我|俺们|俺|咱)?");
    private static final Pattern IN_A_VILLAGE = Pattern.compile(
            "^(?:也|一直|现在|还|一个人|自己|自个儿|自个)*在\\p{IsHan}{0,6}?(?:村子里|村里|农村|乡下|嘎查|牧区)"
                    + "(?:一个人|自己|自个儿)?(?:住|住着|过|生活|待着)?(?:呢|了|着)?$");
    /** The speaker after a word of living with ("我妈跟我住", "其母与之同住"). */
    private static final List<String> SPEAKER_AFTER_WITH = List.of("跟我", "跟俺", "和我", "和俺", "同我", "随我", "与我", "与之", "跟着我", "跟着俺");
    /** People one may live with who are not family: their home is where one lives, and nobody is joined. */
    private static final Set<String> NOT_FAMILY = Set.of("同学", "朋友", "老乡", "同事", "战友", "邻居", "师傅");
    /** Words for one's relatives at large: their home is a relative's ("住的是亲戚家"). */
    private static final Set<String> KIN_AT_LARGE = Set.of("亲戚");
    private static final Set<String> FRIENDS = Set.of("同学", "朋友", "老乡", "同事", "亲戚", "亲戚家", "表哥", "表姐", "战友");

    private final Kinship kin;
    private final Rhetoric rhetoric;
    private final FactWriter writer;
    /** The lexicon's phrase of living together ("跟我住"), whose values and guards living with a named relative takes. */
    private final Lexicon.FactPhrase livingTogether;

    WhereOneLives(Lexicon lexicon, Kinship kin, Rhetoric rhetoric, FactWriter writer) {
        this.kin = kin;
        this.rhetoric = rhetoric;
        this.writer = writer;
        livingTogether = lexicon.facts().stream().filter(p -> p.words().contains("跟我住")).findFirst().orElse(null);
    }

    /** Living in a relative's or a friend's home ("现在在我小姨家住", "住我闺女家"): housing with them, when unset. */
    void relativeHome(List<Token> tokens, List<Clause> clauses, Set<Clause> continuing, String applicant, Map<String, Object> facts) {
        if (facts.containsKey("housing")) return;
        for (Clause c : clauses) {
            if (c.relative() != null && c.explicit() || continuing.contains(c)) continue;
            Matcher mt = TO_RELATIVE_HOME.matcher(textOf(c));
            while (mt.find()) {
                String who = mt.group(1) != null ? mt.group(1) : mt.group(2);
                // "现在住我舅家": the 在 of 现在 matched first; what is left after the words of living is whose home
                who = LIVING_WORDS.matcher(who).replaceFirst("");
                // "俺叔…现在住俺家": when a relative applies, the speaker's own home is a relative's
                if (who.isEmpty() && applicant != null && SPEAKER_HOME.matcher(mt.group(0)).find()) {
                    facts.put("housing", "relative_home");
                    facts.putIfAbsent("lives_with_relative", true);
                    return;
                }
                if (who.isEmpty()) continue;
                // "住她舅家": the home of a relative of one named (not "户口还在她娘家": a hukou's place)
                if (who.length() > 1 && (who.startsWith("他") || who.startsWith("她")) && !PRONOUNS.contains(who) && mt.group(0).contains("住")) who = who.substring(1);
                // "住她家", "在他们家住": the home of a relative named before
                boolean named = PRONOUNS.contains(who) && !kin.find(tokens).isEmpty();
                // "在婆家住": a word for the family's home itself
                boolean family = !kin.find(List.of(new Token(who + "家", 0, who.length() + 1, "n"))).isEmpty();
                boolean relative = !kin.find(List.of(new Token(who, 0, who.length(), "n"))).isEmpty();
                if (!relative && !named && !family && !FRIENDS.contains(who)) continue;
                facts.put("housing", "relative_home");
                // living in a relative's home is living with them ("住我舅家"); a friend's home is only where one lives
                if ((named || family || KIN_AT_LARGE.contains(who)) && !NOT_FAMILY.contains(who)) facts.putIfAbsent("lives_with_relative", true);
                return;
            }
        }
    }

    /**
     * Living with a relative named between the words ("一直跟我儿子住", "跟闺女一块住"): as the lexicon's phrase of living
     * together (跟我住) says, with its words that make it a wish or a rule asked about; not when that phrase has spoken.
     */
    void livingWithRelative(List<Token> tokens, List<Clause> clauses, Set<Clause> continuing, String applicant,
                            Map<String, Object> facts) {
        if (facts.containsKey("lives_with_relative") || livingTogether == null) return;
        boolean wished = false; // the clause before wished or asked ("想把…户口迁到我户上 跟我们一块过")
        for (Clause c : clauses) {
            boolean wishedBefore = wished;
            wished = livingTogether.notInClauseWith() != null && Texts.containsAny(textOf(c), livingTogether.notInClauseWith());
            // "我妈跟我住": a relative living with the speaker who settles is the speaker living with them
            boolean relativeWithSpeaker = c.relative() != null && c.explicit() && applicant == null;
            if (relativeWithSpeaker && !Texts.containsAny(textOf(c), SPEAKER_AFTER_WITH) || continuing.contains(c)) continue;
            String t = textOf(c);
            if (wished || wishedBefore && !c.explicit()) continue;
            Matcher mt = LIVING_WITH.matcher(t);
            while (mt.find()) {
                String who = mt.group(3);
                if (mt.group(2) != null && COUPLE.contains(who)) who = "";
                // "他跟他爸住", "住她舅家": the own relative of one named is a relative all the same
                if (who.length() > 1 && (who.startsWith("他") || who.startsWith("她")) && !PRONOUNS.contains(who)) who = who.substring(1);
                // "跟我在银州区住", "跟俺在调兵山住": with the speaker, said of a relative who settles
                boolean speaker = who.isEmpty() && mt.group(2) != null && (applicant != null || relativeWithSpeaker);
                List<PhraseIndex.Match<String>> r = who.isEmpty() ? List.of() : kin.find(List.of(new Token(who, 0, who.length(), "n")));
                // "我一直跟他在奎屯住": 他 is the relative named before
                boolean named = PRONOUNS.contains(who) && !kin.find(tokens).isEmpty();
                if (named) {
                    if (livingTogether.set() != null) writer.apply(livingTogether.set(), facts, new HashMap<>(), false);
                    return;
                }
                if (!speaker && (r.isEmpty() || r.get(0).last() != 0)) continue;
                // "我跟老公在乌丹镇住了三年": the speaker's married life, told with where they live, joins nobody
                if (!speaker && applicant == null && mt.group(2) == null && "spouse".equals(r.get(0).values().get(0)) && mt.group(0).contains("在")) continue;
                // "我妈难道不是跟我一块住吗": inside a rhetorical frame the living together is said the other way round
                Rhetoric.Frame frame = rhetoric.frame(tokens, c);
                boolean reversed = frame != null && frame.reverses() && c.tokenAt(tokens, mt.start()) >= frame.inner();
                Map<String, Object> values = (mt.group(1) != null) != reversed ? livingTogether.negated() : livingTogether.set();
                if (values != null) writer.apply(values, facts, new HashMap<>(), false);
                return;
            }
        }
    }

    /**
     * "我妈今年七十五 在老家农村", "我妈一个人在林西村里住": a clause of the applicant's that says only that they are in a
     * village says where they live; in a message about a home ("房子是自己盖的 也在村里"), where the home is.
     */
    void whereOneIs(List<Token> tokens, List<Clause> clauses, String asked, Map<String, Object> facts) {
        if (facts.containsKey("lives_in_countryside") || facts.containsKey("housing") || asked != null && asked.startsWith("home_")) return;
        for (Clause c : clauses) {
            if (c.relative() != null) continue;
            int k = c.first();
            while (k <= c.last() && kin.speaker(tokens.get(k).text())) k++;
            if (k <= c.last()) {
                List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(k, Math.min(c.last() + 1, k + 2)));
                if (!r.isEmpty() && r.get(0).first() == 0) k += r.get(0).last() + 1;
            }
            if (k > c.last() || !IN_A_VILLAGE.matcher(text(tokens, k, c.last())).find()) continue;
            facts.put("lives_in_countryside", true);
            return;
        }
    }
}
