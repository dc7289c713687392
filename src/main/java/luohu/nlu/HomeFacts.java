package luohu.nlu;

import luohu.policy.PolicyModel;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
        for (PhraseIndex.Match<String> r : kin.find(tokens)) {
            // the relative's own words, up to anyone else named ("我儿子在开原买的房 我能落到他那吗")
            int end = r.last() + 1;
            while (end < tokens.size() && end <= r.last() + 6 && !kin.speaker(tokens.get(end).text()) && !tokens.get(end).punctuation()) end++;
            String after = text(tokens, r.last() + 1, end - 1);
            if (!Texts.containsAny(after, lexicon.homeOwnerCues())) continue;
            ownedBy(r.values().get(0), facts);
            return;
        }
    }

    /** The home is the owner's, a relative of the applicant (a relation id, or null: other); not the applicant's own. */
    private void ownedBy(String owner, Map<String, Object> facts) {
        boolean named = owner != null && model.vocabulary().get("home_owner_relative").valueIds().contains(owner);
        facts.put("home_owner_relative", named ? owner : "other");
        if ("own".equals(facts.get("housing"))) {
            facts.remove("housing");
            facts.remove("home_acquisition");
        }
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
