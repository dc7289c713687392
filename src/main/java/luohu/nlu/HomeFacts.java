package luohu.nlu;

import luohu.policy.PolicyModel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static luohu.nlu.Clause.textOf;
import static luohu.nlu.Places.TOWN;
import static luohu.nlu.Places.VILLAGE;
import static luohu.nlu.TokenText.text;

/** The home told of: whether it stands in a village, and whose it is when a relative owns it. */
final class HomeFacts {
    private final PolicyModel model;
    private final Lexicon lexicon;
    private final Kinship kin;

    HomeFacts(PolicyModel model, Lexicon lexicon, Kinship kin) {
        this.model = model;
        this.lexicon = lexicon;
        this.kin = kin;
    }

    /**
     * Where the home stands, said beside it ("房子是我舅送我的 在阿克苏市区", "西丰县城 有个老院子"): a town or village
     * word in a clause that states nothing else, or names the home, when the message tells of a home and not yet where.
     */
    void homeTown(List<Token> tokens, List<Clause> clauses, Set<Clause> continuing,
                  List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions, Map<String, Object> facts) {
        if (!"own".equals(facts.get("housing")) || facts.containsKey("home_in_rural_area")) return;
        Boolean rural = null;
        boolean byHome = false;
        for (Clause c : clauses) {
            if (c.relative() != null && c.explicit() || continuing.contains(c)) continue;
            String t = textOf(c);
            if (t.contains("户口") || t.contains("户籍") || t.contains("住") && !t.contains("房")) continue;
            // "想投靠我到聊城城区", "想落到镇上": where one would go, not where the home is
            if (t.contains("到") || t.contains("迁") || t.contains("落") || t.contains("投靠")) continue;
            boolean home = t.contains("房") || t.contains("楼") || t.contains("院");
            boolean other = false;
            for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) {
                if (m.first() < c.first() || m.last() > c.last()) continue;
                for (Lexicon.FactPhrase p : m.values()) {
                    if (p.cueOnly() || p.set() == null) continue;
                    // a word that states a fact only beside another ("市区" with 住) states none here without it
                    if (p.inClauseWith() != null && p.inClauseWith().stream().noneMatch(w -> !w.equals(m.phrase()) && t.contains(w))) continue;
                    if (p.set().keySet().stream().anyMatch(k -> !k.equals("housing") && !k.startsWith("home_") && !k.equals("exclude"))) other = true;
                }
            }
            if (other && !home) continue;
            int at = -1;
            Boolean here = null;
            for (String w : TOWN) for (int i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) if (i > at && !negatedAt(t, i)) { at = i; here = false; }
            for (String w : VILLAGE) {
                // "村子拆了分的楼": the village is gone
                for (int i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
                    if (i <= at || t.startsWith("拆", i + w.length())) continue;
                    // "在城边上 不算村里": a village said not to be where the home is puts it in town
                    at = i;
                    here = !negatedAt(t, i);
                }
            }
            // a clause that names the home says where it is before one that only names a place
            if (here != null && (home || !byHome)) {
                rural = here;
                byHome |= home;
            }
        }
        if (rural != null) facts.put("home_in_rural_area", rural);
    }

    /** The town or village word at {@code i} is said not to be where the home is (不是, 不在, 不算…). */
    private static boolean negatedAt(String t, int i) {
        String before = t.substring(Math.max(0, i - 2), i);
        return before.endsWith("不是") || before.endsWith("不在") || before.endsWith("不") || before.endsWith("不算");
    }

    /**
     * "房子是我闺女名下的", "我儿子买的房": whose home it is, when a relative of the speaker owns it (for the pathways of
     * an owner's relatives); the home is then not the speaker's own.
     */
    void homeOwner(List<Token> tokens, Map<String, Object> facts) {
        // a home given or left by the relative is the speaker's own ("我爷爷留下的房子…我继承了")
        if (facts.containsKey("home_owner_relative") || facts.containsKey("home_acquisition") || model == null
                || model.vocabulary().find("home_owner_relative").isEmpty()) return;
        String all = text(tokens, 0, tokens.size() - 1);
        // "他在铁岭有房 我能落他房子上吗": a home a relative has, settled on by the speaker
        boolean onTheHome = Texts.containsAny(all, lexicon.ownerCannotSettle());
        String last = null; // the relative named last, whom 他/她 stands for
        for (int i = 0; i < tokens.size(); i++) {
            PhraseIndex.Match<String> r = kin.relativeAt(tokens, i, tokens.size() - 1);
            String who;
            int wordEnd;
            if (r != null) {
                who = r.values().get(0);
                wordEnd = i + r.last();
                last = who;
            } else if (last != null && Kinship.PRONOUNS.contains(tokens.get(i).text())) {
                who = last;
                wordEnd = i;
            } else {
                continue;
            }
            // the relative's own words, up to anyone else named ("我儿子在开原买的房 我能落到他那吗")
            int end = wordEnd + 1;
            while (end < tokens.size() && end <= wordEnd + 6 && !kin.speaker(tokens.get(end).text()) && !tokens.get(end).punctuation()) end++;
            String after = text(tokens, wordEnd + 1, end - 1);
            boolean owns = r != null && Texts.containsAny(after, lexicon.homeOwnerCues())
                    || onTheHome && Texts.containsAny(after, lexicon.ownHomeWords());
            if (!owns) {
                i = wordEnd;
                continue;
            }
            ownedBy(who, facts);
            return;
        }
        // "房本是她的名", "房照是他名": the certificate in the name of the relative named last
        Matcher m = NAMED_ON_CERTIFICATE.matcher(all);
        if (m.find() && last != null && (kin.find(tokens).size() == 1 || lastBefore(tokens, m.start()) != null)) {
            String owner = lastBefore(tokens, m.start());
            if (owner != null) ownedBy(owner, facts);
        }
    }

    /** The certificate of a home in the name of one spoken of ("房本是她的名", "房照是他名", "房本写他自个儿名"). */
    private static final Pattern NAMED_ON_CERTIFICATE = Pattern.compile(
            "(房本|房照|房产证|不动产证|产权证)(上)?(只)?(是|写|写的|写着|写了|在)?(他|她)(的)?(自个儿|自己|一个人)?(的)?(名|名字|名下)");

    /** The last relative named before the character offset, or null. */
    private String lastBefore(List<Token> tokens, int offset) {
        String out = null;
        for (PhraseIndex.Match<String> r : kin.find(tokens)) if (tokens.get(r.first()).start() < offset) out = r.values().get(0);
        return out;
    }

    /** The home is the owner's, a relative of the applicant (a relation id, or null: other); not the applicant's own. */
    private void ownedBy(String owner, Map<String, Object> facts) {
        boolean named = owner != null && model.vocabulary().get("home_owner_relative").valueIds().contains(owner);
        facts.put("home_owner_relative", named ? owner : "other");
        if ("own".equals(facts.get("housing"))) {
            facts.remove("housing");
            facts.remove("home_acquisition");
        }
        // the certificate in the owner's name is theirs, not the applicant's ("房照是他名")
        facts.remove("home_certificate");
    }

    /**
     * "那套房在我名下 我爸妈想单独落到这房子": the speaker owns the home the applicant would settle in, so the owner is
     * the applicant's relative (the speaker as seen from them), and the home is not the applicant's own.
     */
    void ownHomeForRelative(List<Token> tokens, List<Clause> spoken, String applicant, Map<String, Object> facts) {
        if (facts.containsKey("home_owner_relative") || model == null || model.vocabulary().find("home_owner_relative").isEmpty()) return;
        String text = text(tokens, 0, tokens.size() - 1);
        // "丈母娘跟着俺们住 能一起落户不" asks who comes along with the owner, who settles too
        if (Texts.containsAny(text, lexicon.familyAlong())) return;
        // "我在清河区有房": a home in a clause the speaker says of themselves
        boolean ownClause = spoken.stream().anyMatch(c -> c.relative() == null && c.explicit()
                && lexicon.ownHomeWords().stream().anyMatch(textOf(c)::contains));
        if (!ownClause && !Texts.containsAny(text, lexicon.selfOwnerCues())) return;
        // a relative who joins the speaker settles by joining: the owner's pathway needs the owner kept out, or the home itself
        if (!Texts.containsAny(text, lexicon.ownerCannotSettle())) return;
        ownedBy(Relations.inverse(applicant), facts);
    }
}
