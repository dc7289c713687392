package luohu.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static luohu.nlu.Clause.SOMEONE;
import static luohu.nlu.Clause.textOf;
import static luohu.nlu.ClauseMentions.settling;
import static luohu.nlu.ClauseMentions.wanting;
import static luohu.nlu.Kinship.PRONOUNS;
import static luohu.nlu.TokenText.endsWith;
import static luohu.nlu.TokenText.text;
import static luohu.nlu.TokenText.tokenAt;

/**
 * Who the case is about: the person typing, or a relative they ask for, name as the one who settles, would bring here,
 * or tell the situation of; and the clauses seen from that relative.
 */
final class ApplicantFinder {
    private static final List<String> SETTLES = List.of("落户", "办落户", "办理落户", "迁户口", "落户口", "的落户", "要落户", "来落户");
    /** Words of a hukou moving here, in a practical question too ("迁过来要准备哪些东西"). */
    private static final List<String> MOVING = List.of("迁过来", "迁过去", "迁来", "迁到", "落过来", "落到", "落户", "迁户口", "投靠", "投奔");
    /** Words that bring someone along with the speaker ("也迁过来", "一起落"), not on their own. */
    private static final List<String> ALONG = List.of("也", "一起", "一块", "一同", "跟着");
    /** 他/她 and the words for two of them (他俩): whom 把/让 may bring. */
    private static final Set<String> PRONOUNS_AND_PAIRS = Set.of("他", "她", "他们", "她们", "他俩", "她俩", "他们俩", "她们俩", "二老");
    private static final Set<String> OPENING = Set.of("（", "(");
    private static final Set<String> CLOSING = Set.of("）", ")");
    /** The speaker and their spouse together ("我俩领证了"). */
    private static final Set<String> COUPLE = Set.of("我们", "俺们", "咱们", "我俩", "俺俩", "咱俩", "我们俩", "俺们俩", "咱们俩");
    /** Words for where one comes from that may stand before a relative with 的 ("老家的爸妈"). */
    private static final Set<String> WHENCE = Set.of("老家", "农村", "村里", "乡下", "外地", "外省", "家里", "老家那边");
    /** How far into a relative's clause a word of dying may come: the relative's word and a time (我老父亲前几年). */
    private static final int DEPARTED_WITHIN = 8;
    /** Clauses of the speaker's own facts that make a message the speaker's own case. */
    private static final int OWN_CASE = 2;

    private final Lexicon lexicon;
    private final Kinship kin;
    private final Places places;
    private final PhraseIndex<String> joining;
    private final JoinedRelative joined;
    private final RelativeCase relativeCase;

    ApplicantFinder(Lexicon lexicon, Kinship kin, Places places, PhraseIndex<String> joining, JoinedRelative joined,
                    RelativeCase relativeCase) {
        this.lexicon = lexicon;
        this.kin = kin;
        this.places = places;
        this.joining = joining;
        this.joined = joined;
        this.relativeCase = relativeCase;
    }

    /**
     * Who would settle, when it is not the person typing: a relative asked for ("帮我儿子问一下"), a relative who is
     * the subject of settling ("他能落户吗", "我孙子想去聊城落户"), or a relative whose plans come before a
     * subjectless "能落户不" ("我孙子大专毕业了，想去聊城工作，能落户不").
     */
    String find(List<Token> tokens, List<Clause> clauses, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions,
                List<Quantity> quantities, String asked) {
        Set<Integer> quantityAt = quantityTokens(tokens, quantities);
        Lexicon.ApplicantCues cues = lexicon.applicantCues();
        for (int i = 0; i < tokens.size(); i++) {
            if (!cues.askingFor().contains(tokens.get(i).text())) continue;
            int j = i + 1;
            while (j < tokens.size() && kin.speaker(tokens.get(j).text())) j++;
            if (j >= tokens.size()) break;
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(j, Math.min(tokens.size(), j + 2)));
            String who;
            int after;
            if (!r.isEmpty() && r.get(0).first() == 0) {
                who = r.get(0).values().get(0);
                after = j + r.get(0).last() + 1;
            } else if (PRONOUNS.contains(tokens.get(j).text())) {
                // "替他们问问": whoever was named last
                who = null;
                for (Clause c : clauses) if (c.first() < j && c.relative() != null && !c.relative().equals(SOMEONE)) who = c.relative();
                after = j + 1;
            } else {
                // "帮我判断下我儿子…", "帮我删掉我爸的信息": the doing first, then whom it is for
                String named = doneFor(tokens, j, cues);
                if (named != null) return named;
                continue;
            }
            if (who == null) continue;
            for (int k = after; k < Math.min(tokens.size(), after + 4); k++) {
                if (doing(tokens.get(k).text(), cues)) return who;
            }
        }
        String named = named(tokens, cues);
        if (named != null) return named;
        String joiner = joiner(tokens, clauses);
        if (joiner != null) return joiner;
        // "我老婆落户要交钱吗", "我爸办落户要多久": a relative named right before settling is the one who settles
        for (Clause c : clauses) {
            if (c.relative() == null || c.relative().equals(SOMEONE) || !c.explicit()) continue;
            int k = c.first();
            while (k <= c.last() && (kin.speaker(tokens.get(k).text()) || tokens.get(k).text().equals("是"))) k++;
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(k, Math.min(c.last() + 1, k + 2)));
            if (r.isEmpty() || r.get(0).first() != 0) continue;
            String after = text(tokens, k + r.get(0).last() + 1, c.last());
            if (Texts.startsWithAny(after, SETTLES)) return c.relative();
        }
        String brought = brought(tokens, clauses);
        if (brought != null) return brought;
        // joining someone: the relative is the one joined, unless the one joined is the speaker ("我爸妈…想投靠我")
        if (joining.occursIn(tokens)) {
            JoinedRelative.Joined j = joined.find(text(tokens, 0, tokens.size() - 1));
            // (a form's "拟投靠" names nobody: the relative told about is the one who joins)
            // (a question of no one's case, "兄弟姐妹之间能投靠落户不", leaves no one to be the applicant)
            boolean someone = tokens.stream().anyMatch(t -> kin.speaker(t.text()) || PRONOUNS.contains(t.text())) || staffNote(tokens);
            if (j == null && (!nobodyJoined(tokens) || !someone) || j != null && !j.speaker()) return null;
        }
        // "我老婆是外地的 在二连医院当护士 签了合同": a message that tells a relative's own situation, and nothing of the
        // speaker's, is about the relative
        String told = relativeCase.toldAbout(tokens, clauses, mentions, quantityAt);
        // "我妈送我的 过户手续都办完了": what a relative gave the speaker is the speaker's case; "家属随迁怎么办 … 老婆孩子户口
        // 还在赤峰": relatives who come along with the speaker are not the one who settles
        if (told != null && !Texts.containsAny(text(tokens, 0, tokens.size() - 1), cues.received())) return told;
        String chain = null, spokenBefore = null;
        boolean planned = false, away = false, hereSaid = false, speakerFirst = false;
        // (a home given to the speaker makes what follows the speaker's: "我岳父送给我们一套房 … 户口在乌兰察布")
        boolean given = Texts.containsAny(text(tokens, 0, tokens.size() - 1), cues.received());
        // the speaker's own case told before a relative is named ("我在红山区一家国企上班 合同签了 … 我对象在宁城当老师")
        int ownTold = 0, ownBeforeChain = 0;
        for (Clause c : clauses) {
            String clauseText = textOf(c);
            // "配偶和子女能一起迁吗" asks who may come along, not who settles
            boolean settling = settling(tokens, c, mentions) && !Texts.containsAny(clauseText, lexicon.familyAlong());
            if (c.relative() != null && !c.relative().equals(SOMEONE)) {
                if (settling) return c.relative();
                // "外孙子户口在喀什 他爸妈都没了", "继女… 她爸是松山区户口": the relative's own people, told of, leave the
                // one spoken of as they were
                if (chain != null && kin.ownOfNamed(tokens, c)) continue;
                if (!c.relative().equals(chain)) ownBeforeChain = ownTold;
                chain = c.relative();
                planned = false;
                away = relativeCase.hukouAway(tokens, c);
                // "媳妇跟俩娃都跟过来了 想落二连": family told to have come along, or stayed behind, are the speaker's
                // household, not the one who wishes
                if (familyTold(c, mentions)) chain = null;
            } else if (c.explicit() && c.relative() == null) {
                if (chain != null) {
                    spokenBefore = chain;
                } else if (!introduction(tokens, c)) {
                    speakerFirst = true;
                }
                chain = null; // 我…: the speaker again
                hereSaid = relativeCase.saysOwnHukouHere(tokens, c);
            } else if (chain != null && !speakerFirst && !given) {
                // a clause with no subject says the relative's hukou only when the speaker has not spoken of themselves first
                away |= relativeCase.hukouAway(tokens, c);
            }
            if (c.relative() == null && chain == null && tellsFact(c, mentions)) ownTold++;
            if (chain != null && Texts.containsAny(clauseText, cues.plans())) planned = true;
            // "我外婆八十五了，住我家，想落到铁岭": wanting to settle, said on about a relative, is the relative's wish;
            // after the speaker's own case told at length, a relative named in passing with no plan of theirs leaves the
            // wish the speaker's ("…社保交了三年半 户口在宁城农村 我对象在宁城老家当老师 就问…不用有房就能落")
            // …as is moving here, said on about one whose hukou is said to be elsewhere ("她户口还在通辽 迁过来要准备哪些东西")
            boolean ownCase = ownBeforeChain >= OWN_CASE;
            boolean moving = settling || Texts.containsAny(clauseText, MOVING) && !Texts.containsAny(clauseText, lexicon.familyAlong());
            if (c.relative() == null && !c.explicit() && chain != null
                    && (settling && (planned || wanting(tokens, c, mentions) && !ownCase) || moving && away)) return chain;
            // "能落到她爸妈户口上不", "能随他爸上伊宁户口不": moving onto the own people of the one named is that one's move
            if (c.relative() == null && !c.explicit() && chain != null && moving && ontoTheirOwn(tokens, c)) return chain;
            // "外孙子户口在喀什 … 我是哈密户口 能迁过来吗": the speaker's hukou is here, so the one moving is the relative told of
            if (c.relative() == null && !c.explicit() && moving && chain == null && spokenBefore != null && hereSaid
                    && tokens.subList(c.first(), c.last() + 1).stream().noneMatch(t -> kin.speaker(t.text()))) return spokenBefore;
            // "我孙女刚出生 能直接落我户口上吗": settling onto the speaker is not the speaker's own settling
            // …and so is settling onto another relative's ("我奶奶…户口在宁城 能迁到我爸户口上吗")
            // (not onto the one named: "住我哥家 我哥是聊城户口 能落我哥户口本上吗" is the speaker joining him)
            JoinedRelative.Joined onto = c.relative() == null && !c.explicit() && settling && chain != null ? joined.find(textOf(c)) : null;
            if (onto != null && (onto.speaker() || onto.relation() != null && !onto.relation().equals(chain))) return chain;
            if (c.relative() == null && !c.explicit() && settling && chain == null && ontoSpeakerAfterOwnWords(tokens, c, spokenBefore)) return spokenBefore;
        }
        String sole = "local_relative".equals(asked) ? null : soleRelativeOpening(tokens, clauses, mentions, quantityAt);
        if (sole != null) return sole;
        return ellipticalRelative(tokens, clauses);
    }

    /** A clause asks whether some come along (随迁, 一起迁) and the speaker is not among them. */
    private boolean othersComeAlong(List<Token> tokens, List<Clause> clauses) {
        boolean along = false;
        for (Clause c : clauses) {
            if (!Texts.containsAny(textOf(c), lexicon.familyAlong())) continue;
            if (tokens.subList(c.first(), c.last() + 1).stream().anyMatch(t -> kin.speaker(t.text()))) return false;
            along = true;
        }
        return along;
    }

    /** The clause names the own relative of one named before, with 他/她 ("她爸妈户口上"). */
    private boolean ontoTheirOwn(List<Token> tokens, Clause c) {
        for (int i = c.first(); i < c.last(); i++) {
            if (PRONOUNS.contains(tokens.get(i).text()) && kin.relativeAt(tokens, i + 1, c.last()) != null) return true;
        }
        return false;
    }

    /** "我是后妈", "我是他姑": the speaker says only who they are to someone, telling nothing of their own case. */
    private boolean introduction(List<Token> tokens, Clause c) {
        int k = kin.skipSelf(tokens, c.first(), c.last());
        if (k > c.last() || !tokens.get(k).text().equals("是")) return false;
        int at = k + 1;
        if (at <= c.last() && PRONOUNS.contains(tokens.get(at).text())) at++;
        PhraseIndex.Match<String> r = kin.relativeAt(tokens, at, c.last());
        return r != null && at + r.last() == c.last();
    }

    /**
     * A relative the message names as the one it is about: after a word of naming ("前面说的是我闺女", "这回问我儿子的"),
     * or set against another in a correction ("她是我婆婆不是我妈").
     */
    private String named(List<Token> tokens, Lexicon.ApplicantCues cues) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String t = tokens.get(i).text();
            // "说的是我闺女" ends in 是 too: a word of naming is read before a contrast
            boolean naming = false;
            for (int k = 0; k < cues.naming().size() && !naming; k++) naming = endsWith(tokens, 0, i, cues.naming().get(k));
            for (int k = 0; k < cues.switching().size() && !naming; k++) naming = endsWith(tokens, 0, i, cues.switching().get(k));
            boolean contrast = !naming && t.equals("是");
            if (!contrast && !naming) continue;
            int j = i + 1;
            while (j < tokens.size() && kin.speaker(tokens.get(j).text())) j++;
            if (j >= tokens.size()) continue;
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(j, Math.min(tokens.size(), j + 2)));
            if (r.isEmpty() || r.get(0).first() != 0) continue;
            int next = j + r.get(0).last() + 1;
            if (contrast && (next >= tokens.size() || !tokens.get(next).text().startsWith("不是"))) continue;
            return r.get(0).values().get(0);
        }
        return null;
    }

    /** A word of asking or of doing something on someone's behalf (问, 咨询; 办, 准备, 判断). */
    private static boolean doing(String token, Lexicon.ApplicantCues cues) {
        return Texts.startsWithAny(token, cues.askingVerbs()) || Texts.startsWithAny(token, cues.actingVerbs());
    }

    /** After 帮我/替我, a word of doing and then 我 and a relative within a few words: that relative. */
    private String doneFor(List<Token> tokens, int at, Lexicon.ApplicantCues cues) {
        if (!doing(tokens.get(at).text(), cues)) return null;
        for (int k = at + 1; k < Math.min(tokens.size() - 1, at + 4); k++) {
            if (!kin.speaker(tokens.get(k).text())) continue;
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(k + 1, Math.min(tokens.size(), k + 3)));
            if (!r.isEmpty() && r.get(0).first() == 0) return r.get(0).values().get(0);
        }
        return null;
    }

    /**
     * A named relative who would join someone: the speaker ("我妈想投靠我") or another relative of the speaker's
     * ("我外公外婆都八十了 想投靠我妈"); a clause with no subject of its own goes on about the relative named last.
     */
    private String joiner(List<Token> tokens, List<Clause> clauses) {
        String named = null;
        for (Clause c : clauses) {
            // (the own people of one named, opened by 他/她, are not whom a later clause goes on about: "他爸是伊宁户口
            // 他妈户口在河北 能随他爸上伊宁户口不" is the grandson's)
            boolean own = named != null && kin.ownOfNamed(tokens, c);
            if (c.relative() != null && !c.relative().equals(SOMEONE) && !own) named = c.relative();
            else if (c.relative() == null && c.explicit()) named = null;
            String subject = c.relative() != null && !c.relative().equals(SOMEONE) ? c.relative()
                    : c.relative() == null && c.explicit() ? null : named;
            if (subject == null) continue;
            List<Token> part = tokens.subList(c.first(), c.last() + 1);
            for (PhraseIndex.Match<String> j : joining.find(part)) {
                int k = j.last() + 1;
                if (k >= part.size()) continue;
                boolean speaker = kin.speaker(part.get(k).text());
                // "想投靠她老公": the relative's own relative, named after 她
                boolean theirs = PRONOUNS.contains(part.get(k).text());
                List<PhraseIndex.Match<String>> r = kin.find(part.subList(speaker || theirs ? k + 1 : k, Math.min(part.size(), k + 3)));
                boolean relative = !r.isEmpty() && r.get(0).first() == 0;
                // "…儿子茌平城区户口 投靠儿子要啥手续": nobody joins themselves; the one joining is the speaker
                if (relative && c.relative() == null && r.get(0).values().get(0).equals(subject)) continue;
                // "我兄弟在二连上班 他媳妇能投靠他吗": a relative of the speaker's joining another one, named before
                boolean another = theirs && !relative && c.relative() != null && c.explicit() && !c.relative().equals(SOMEONE)
                        && PRONOUNS.contains(part.get(0).text());
                if (speaker || relative || another) return subject;
            }
        }
        return null;
    }

    /**
     * A relative the speaker would bring here: 把/让 and the relative (or 他/她 for one named before), then a word of
     * settling in the same clause ("想把她接过来落户", "想让他们投靠我", "想把老婆户口也弄过来").
     */
    private String brought(List<Token> tokens, List<Clause> clauses) {
        Lexicon.ApplicantCues cues = lexicon.applicantCues();
        if (cues.bringing().isEmpty()) return null;
        for (Clause c : clauses) {
            for (int i = c.first(); i < c.last(); i++) {
                String t = tokens.get(i).text();
                int at;
                String pronoun = null;
                if (cues.bringing().contains(t)) {
                    at = i + 1;
                    if (PRONOUNS_AND_PAIRS.contains(tokens.get(at).text())) pronoun = tokens.get(at).text();
                } else if (t.length() > 1 && cues.bringing().contains(t.substring(0, 1)) && PRONOUNS_AND_PAIRS.contains(t.substring(1))) {
                    at = i; // "让他" typed as one word
                    pronoun = t.substring(1);
                } else {
                    continue;
                }
                String who = null;
                int rest;
                PhraseIndex.Match<String> own = pronoun != null && pronoun.length() == 1 && at + 1 <= c.last() && staffSpeaking(tokens, i)
                        ? kin.relativeAt(tokens, at + 1, c.last()) : null;
                if (own != null) {
                    // "申请人想把他母亲迁来": staff's 他 before a relative is the one they serve, who speaks as 我 does
                    who = own.values().get(0);
                    rest = at + 1 + own.last() + 1;
                } else if (pronoun != null) {
                    for (Clause b : clauses) {
                        if (b.first() >= c.first()) break;
                        if (b.relative() != null && !b.relative().equals(SOMEONE)) who = b.relative();
                    }
                    rest = at + 1;
                } else {
                    int from = skipWhence(tokens, at, c.last());
                    PhraseIndex.Match<String> r = kin.relativeAt(tokens, from, c.last());
                    if (r == null) continue;
                    who = r.values().get(0);
                    rest = from + r.last() + 1;
                }
                if (who == null) continue;
                String after = text(tokens, rest, c.last()) + afterAside(tokens, clauses, c);
                // "想把父母的户口也迁过来": brought along with the speaker, who is the one settling ("接过来跟我一块住"
                // lives together: the one brought settles)
                if (along(after, cues.bringingVerbs())) continue;
                if (Texts.containsAny(after, cues.bringingVerbs())) return who;
            }
        }
        return null;
    }

    /** A word of coming along (也, 一起) right before a verb of moving or settling ("也迁过来", "一块落户"). */
    private static boolean along(String text, List<String> verbs) {
        for (String a : ALONG) {
            for (int i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + 1)) {
                String rest = text.substring(i + a.length(), Math.min(text.length(), i + a.length() + ALONG_REACH));
                if (Texts.containsAny(rest, verbs) || Texts.containsAny(rest, MOVING_ALONG)) return true;
            }
        }
        return false;
    }

    /** How far after 也/一起 a verb of moving makes it coming along, in characters ("也把户口迁过来"). */
    private static final int ALONG_REACH = 5;
    /** Verbs of moving after 也/一起 (the short forms: "也迁", "一块落"). */
    private static final List<String> MOVING_ALONG = List.of("迁", "落", "投靠", "过来");

    /** "想把河北的老丈人…迁来", "把老家的爸妈接过来": where a relative is, said with 的 before them, does not hide who is brought. */
    private int skipWhence(List<Token> tokens, int at, int last) {
        int i = kin.skipSelf(tokens, at, last);
        if (i + 1 <= last && tokens.get(i + 1).text().equals("的") && (places.isPlace(tokens.get(i).text()) || WHENCE.contains(tokens.get(i).text())))
            return kin.skipSelf(tokens, i + 2, last);
        return i;
    }

    /**
     * The clause that goes on after an aside in brackets right after clause [c] ("想把他儿子（16岁 户口在河南）迁到哈密":
     * 迁到哈密 is the verb of 把他儿子), or "".
     */
    private static String afterAside(List<Token> tokens, List<Clause> clauses, Clause c) {
        int open = c.last() + 1;
        if (open >= tokens.size() || !OPENING.contains(tokens.get(open).text())) return "";
        for (int k = open + 1; k < tokens.size(); k++) {
            if (!CLOSING.contains(tokens.get(k).text())) continue;
            Clause next = k + 1 < tokens.size() ? Clause.of(clauses, k + 1) : null;
            return next == null || next.first() <= k ? "" : next.text();
        }
        return "";
    }

    /** Staff at a window note the one they serve (申请人, 来人…) and that person's family. */
    private boolean staffNote(List<Token> tokens) {
        return staffSpeaking(tokens, tokens.size()) || Texts.containsAny(text(tokens, 0, tokens.size() - 1), lexicon.applicantCues().staff());
    }

    /** No one is named right after a word of joining ("拟投靠", not "投靠女儿", "投靠他", "投靠县城的儿子"). */
    private boolean nobodyJoined(List<Token> tokens) {
        for (PhraseIndex.Match<String> j : joining.find(tokens)) {
            int k = kin.skipSelf(tokens, j.last() + 1, tokens.size() - 1);
            while (k < tokens.size() && k <= j.last() + 3 && (places.isPlace(tokens.get(k).text()) || WHERE_BEFORE.contains(tokens.get(k).text()))) k++;
            if (k < tokens.size() && PRONOUNS.contains(tokens.get(k).text())) return false;
            if (kin.relativeAt(tokens, kin.skipSelf(tokens, k, tokens.size() - 1), tokens.size() - 1) != null) return false;
        }
        return true;
    }

    /** Words of where between a word of joining and the one joined ("投靠县城的儿子"). */
    private static final Set<String> WHERE_BEFORE = Set.of("的", "县城", "城里", "市里", "镇上", "村里", "老家", "那边", "城区", "市区");

    /** A staff word for the one served (申请人, the lexicon's speaker words) comes before the token. */
    private boolean staffSpeaking(List<Token> tokens, int before) {
        for (int k = 0; k < before; k++) if (lexicon.applicantCues().speaker().contains(tokens.get(k).text())) return true;
        return false;
    }

    /**
     * "我外孙六岁 … 我们老两口是开原户口 能迁到我们本上吗": a hukou moved onto the speaker's register cannot be the speaker's
     * own settling, so it is the relative told of before the speaker's own words.
     */
    private boolean ontoSpeakerAfterOwnWords(List<Token> tokens, Clause c, String spokenBefore) {
        if (spokenBefore == null) return false;
        JoinedRelative.Joined onto = joined.find(textOf(c));
        return onto != null && onto.speaker();
    }

    /**
     * "俺儿媳妇跨省迁户口 还用两头跑不", "俺闺女说她再想想": a message opened by one relative, naming no one else and never
     * the speaker alone again, is about that relative (as the labelled sets have it); a relative said to have died or to
     * have given the speaker something leaves the speaker's own matter, one coming along (俺爹也想一块迁) is no applicant,
     * and one said only to hold a hukou here (我公婆是松山区城里户口) is the one joined.
     */
    private String soleRelativeOpening(List<Token> tokens, List<Clause> clauses, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions,
                                       Set<Integer> quantityAt) {
        if (clauses.isEmpty()) return null;
        Clause first = clauses.get(0);
        if (first.relative() == null || first.relative().equals(SOMEONE) || !first.explicit()) return null;
        // opened by the speaker's word for their own (我/俺/我家…): "大姐你好" only addresses someone
        int k = kin.skipSelf(tokens, first.first(), first.last());
        if (k == first.first() || kin.relativeAt(tokens, k, first.last()) == null) return null;
        if (relativeCase.hukouHereOnly(tokens, clauses, first.relative(), mentions, quantityAt)) return null;
        for (Clause c : clauses) if (c.explicit() && c.relative() == null) return null;
        Set<String> named = new HashSet<>();
        for (PhraseIndex.Match<String> m : kin.find(tokens)) named.addAll(m.values());
        if (named.size() != 1) return null;
        String all = text(tokens, 0, tokens.size() - 1);
        Lexicon.ApplicantCues cues = lexicon.applicantCues();
        if (Texts.containsAny(all, cues.departed()) || Texts.containsAny(all, cues.received()) || Texts.containsAny(all, lexicon.familyAlong())) return null;
        return first.relative();
    }

    /**
     * "那俺闺女呢": a short follow-up that names one relative and ends in a particle of ellipsis asks for that relative;
     * so does one that opens so and goes on about them ("那我媳妇呢 她有房本").
     */
    private String ellipticalRelative(List<Token> tokens, List<Clause> clauses) {
        String all = Normalizer.bare(text(tokens, 0, tokens.size() - 1));
        List<Token> asked = tokens;
        if (all.length() > 12 || !Texts.endsWithAny(all, lexicon.elliptical())) {
            if (clauses.isEmpty() || !Understander.opensWithEllipsis(textOf(clauses.get(0)), lexicon)) return null;
            asked = tokens.subList(clauses.get(0).first(), clauses.get(0).last() + 1);
        }
        Set<String> named = new HashSet<>();
        for (PhraseIndex.Match<String> m : kin.find(asked)) named.addAll(m.values());
        return named.size() == 1 ? named.iterator().next() : null;
    }

    /** Every clause that names the relative says, right after, that they have died ("我爸前年去世了"). */
    boolean departed(List<Token> tokens, List<Clause> clauses, String relative) {
        boolean named = false;
        for (Clause c : clauses) {
            if (!relative.equals(c.relative()) || !c.explicit()) continue;
            String said = textOf(c);
            boolean died = false;
            for (String w : lexicon.applicantCues().departed()) {
                int at = said.indexOf(w);
                if (at >= 0 && at <= DEPARTED_WITHIN) died = true;
            }
            if (!died) return false;
            named = true;
        }
        return named;
    }

    /** The clauses seen from the applicant, a relative of the speaker: the speaker becomes the applicant's relative. */
    List<Clause> fromApplicant(List<Token> tokens, List<Clause> spoken, String applicant) {
        String applicantWord = kin.wordOf(tokens, applicant);
        List<Clause> out = new ArrayList<>();
        String before = null; // who the last clause naming its subject was about, as spoken
        for (Clause c : spoken) {
            String r = c.relative();
            String own = applicant.equals(before) ? ownOfApplicant(tokens, c) : null;
            if (c.explicit()) before = r;
            // (…not "他爹妈都在南方打工", the own people of a nephew who applies, though they too are "other" to the speaker)
            // ("他媳妇是市里户口", nobody named before 他: the applicant's own wife)
            if (kin.ownOfSomeone(tokens, c) != c) out.add(kin.ownOfSomeone(tokens, c));
            // "我弟在库尔勒打工 他媳妇是…": 他 right after the applicant is the applicant, his wife their spouse
            else if (own != null) out.add(c.about(own, true));
            else if (applicant.equals(r) && !("other".equals(r) && kin.ownOfNamed(tokens, c)) || SOMEONE.equals(r)) out.add(c.about(null, true));
            // "我们结婚了", "俺们俩领证了": the speaker and the spouse who settles, both
            else if (r == null && c.explicit() && "spouse".equals(applicant) && couple(tokens, c)) out.add(c.about(null, true));
            else if (r == null && c.explicit()) out.add(c.about(Relations.inverse(applicant), true));
            else if (r != null) {
                PhraseIndex.Match<String> word = kin.relativeAt(tokens, kin.skipSelf(tokens, c.first(), c.last()), c.last());
                out.add(c.about(kin.compose(applicant, applicantWord, r, word == null ? null : word.phrase()), c.explicit()));
            }
            else out.add(c);
        }
        return out;
    }

    /** The relation of the relative's word after 他/她 opening the clause ("他媳妇": spouse), or null. */
    private String ownOfApplicant(List<Token> tokens, Clause c) {
        if (tokens.get(c.first()).text().length() != 1 || !kin.ownOfNamed(tokens, c)) return null;
        return kin.relativeAt(tokens, c.first() + 1, c.last()).values().get(0);
    }

    /** A clause opened by the speaker and their spouse as one (我们, 俺俩, 我|俩 as the segmenter cuts it). */
    private static boolean couple(List<Token> tokens, Clause c) {
        String first = tokens.get(c.first()).text();
        if (COUPLE.contains(first)) return true;
        return c.first() < c.last() && Kinship.SPEAKER.contains(first) && Set.of("俩", "两口", "两口子", "老两口").contains(tokens.get(c.first() + 1).text());
    }

    /** Whether the clause tells whether the speaker's family came along (a phrase of the family, of_family). */
    private static boolean familyTold(Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions) {
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) {
            if (m.first() < c.first() || m.last() > c.last()) continue;
            for (Lexicon.FactPhrase p : m.values()) if (p.ofFamily()) return true;
        }
        return false;
    }

    /** Whether a fact phrase is said in the clause. */
    private static boolean tellsFact(Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions) {
        for (PhraseIndex.Match<Lexicon.FactPhrase> m : mentions) if (m.first() >= c.first() && m.last() <= c.last()) return true;
        return false;
    }

    /** The tokens where a usable duration or age starts. */
    private static Set<Integer> quantityTokens(List<Token> tokens, List<Quantity> quantities) {
        Set<Integer> out = new HashSet<>();
        for (Quantity q : quantities) if (q.usable() && q.year() == null) out.add(tokenAt(tokens, q.start()));
        return out;
    }
}
