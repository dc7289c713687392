package luohu.nlu;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static luohu.nlu.Clause.SOMEONE;
import static luohu.nlu.Clause.textOf;
import static luohu.nlu.ClauseMentions.HUKOU_KIND;
import static luohu.nlu.ClauseMentions.clauseHasFact;
import static luohu.nlu.ClauseMentions.settling;
import static luohu.nlu.Kinship.PRONOUNS;
import static luohu.nlu.TokenText.text;

/**
 * Whether a message tells a relative's own case, or names a relative only as one who holds hukou here (the one to be
 * joined); the speaker's own hukou here makes them the one joined.
 */
final class RelativeCase {
    /** "户口还在我们法库", "户口还没迁": a relative's hukou said to be still elsewhere makes them a case of their own. */
    private static final Pattern HUKOU_STILL_THERE = Pattern.compile("(户口|户籍)(还在|还是|还没|没迁|仍在)");
    /** What a hukou said to be held in town must not go on to say: that it is in the countryside or elsewhere. */
    private static final String NOT_IN_TOWN = "(?!.*(农村|村里|乡下|外地|外省|农业|老家))";
    /** "户口也在东昌府", "户口早迁过来了": a hukou said to be here, in town. */
    private static final Pattern OWN_HUKOU_IN = Pattern.compile(
            "^(的)?(户口|户籍)(也|就|早|早就|已经)?(在|落|落在|迁到|迁过来|落过来|迁来)" + NOT_IN_TOWN + "\\p{IsHan}{0,8}?了?$");
    /** "是铁岭户口", "是县城户口", "是乌市的户口": the speaker's hukou, held in a town (not 农村, not 外地). */
    private static final Pattern OWN_HUKOU_HERE = Pattern.compile(
            "^((跟|和)\\p{IsHan}{1,4}?)?(都|就|也)?是" + NOT_IN_TOWN + "\\p{IsHan}{1,8}?(的)?(户口|户籍)$");
    /** "二连户籍", "户籍：松山区城区", "户籍东昌府": a form's field or a note naming a hukou's place, with no verb. */
    private static final Pattern FIELD_HUKOU = Pattern.compile(
            "^((都|就|也)?" + NOT_IN_TOWN + "[^在是有没不落迁还已\\s]{2,8}?(的)?(户口|户籍)|(户口|户籍)[:：]?" + NOT_IN_TOWN + "[^在是有没不落迁还已也都\\s]{2,10})$");
    /** A hukou said to be somewhere ("户口在…", "户口还在…", "户口随她妈上在…"). */
    private static final Pattern HUKOU_SAID = Pattern.compile("(户口|户籍)(还|仍|也|都|一直)?(在|是|随|跟|挂在|落在|上在)");
    /** The speaker's word opening a clause. */
    private static final Pattern SPEAKER_FIRST = Pattern.compile("^(我们|我|俺们|俺|咱们|咱)(家)?");
    /** "在红山区有户口", "在二连有楼有户口": a hukou said to be had at a place. */
    private static final Pattern OWN_HUKOU_HAD = Pattern.compile("^(也|都)?在" + NOT_IN_TOWN + "\\p{IsHan}{1,8}?有(户口|户籍)$");

    private final Lexicon lexicon;
    private final Kinship kin;
    private final Places places;

    RelativeCase(Lexicon lexicon, Kinship kin, Places places) {
        this.lexicon = lexicon;
        this.kin = kin;
        this.places = places;
    }

    /**
     * The relative a message is about: the subject of its first clause that names one, when the clauses about them
     * state facts of the applicant's kind (work, home, schooling, age…) and no clause speaks of the speaker (我…).
     */
    String toldAbout(List<Token> tokens, List<Clause> clauses, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions,
                     Set<Integer> quantityAt) {
        String who = null;
        boolean facts = false;
        // "我是银州区户口 在铁岭市里有房 我岳母七十五…", "我在县城开超市 是县城户口": the speaker whose own hukou is here
        // (in town) is the one a relative would join, whatever else the speaker tells of themselves
        boolean joinedSpeaker = speakerHukouHere(tokens, clauses, mentions);
        boolean speakerSaid = false; // the last clause with a subject was the speaker's
        for (Clause c : clauses) {
            // "我妈说她社保交了一年零一个月": a length of time or an age is a fact of theirs too
            boolean quantity = quantityAt.stream().anyMatch(i -> i >= c.first() && i <= c.last());
            // 我…: the speaker's own case ("我能落户吗"), unless it only says where they are ("我们在阿鲁科尔沁旗")
            if (c.relative() == null && c.explicit()) {
                speakerSaid = true;
                String said = SPEAKER_FIRST.matcher(textOf(c)).replaceFirst("");
                // "我更正下", "我刚才说成大专了": the speaker speaks of what was said, not of their own case
                if (Texts.containsAny(said, lexicon.applicantCues().aboutWhatWasSaid())) continue;
                boolean whereOnly = said.startsWith("在") && !said.contains("户口") && !said.contains("户籍");
                // "我妈六十出头 户口在沈阳 住我家 我是铁岭户口": the speaker's own hukou, said after a relative's case, is
                // where the relative would join them
                boolean ownHukou = who != null && OWN_HUKOU_HERE.matcher(said).matches() && !clauseHasFact(c, mentions, HUKOU_KIND);
                if (joinedSpeaker && !settling(tokens, c, mentions)) continue;
                if (!ownHukou && (!whereOnly || clauseHasFact(c, mentions)) || quantity || settling(tokens, c, mentions)) return null;
                continue;
            }
            if (c.relative() != null && !c.relative().equals(SOMEONE)) {
                speakerSaid = false;
                // "我孙子今年六岁 … 他妈是未婚生的": the own people of the one told about are no second case
                if (who != null && kin.ownOfNamed(tokens, c)) continue;
                if (who != null && !who.equals(c.relative())) {
                    // "我姐在塔城当护士… 我姐夫是塔城户口": a second relative said only to hold hukou here is the one joined
                    if (hukouHereOnly(tokens, c, mentions, quantity)) continue;
                    // "宅基地跟地都给了俺哥": a relative named after the clause's own words, or telling nothing of their own,
                    // is no second case
                    int k = kin.skipSelf(tokens, c.first(), c.last());
                    if (kin.relativeAt(tokens, k, c.last()) == null && kin.relativeAt(tokens, ClauseSplitter.broughtAlong(tokens, k, c.last()), c.last()) == null
                            && !PRONOUNS.contains(tokens.get(c.first()).text())
                            || facts && !quantity && !clauseHasFact(c, mentions) && !HUKOU_STILL_THERE.matcher(c.text()).find()) continue;
                    if (facts || !hukouHereOnly(tokens, clauses, who, mentions, quantityAt)) return null; // two relatives: leave it to the joining rules
                    facts = false;
                }
                who = c.relative();
            }
            if (joinedSpeaker && speakerSaid && c.relative() == null) continue; // the speaker's own, said on
            if (who == null) {
                if (c.relative() == null && (clauseHasFact(c, mentions) || quantity)) return null; // facts before anyone is named
                continue;
            }
            // "我公婆是松山区城里户口": what kind of hukou a relative holds is said of the one to be joined as often as of
            // the one who would settle, so it alone does not make the message theirs
            if (clauseHasFact(c, mentions, HUKOU_KIND) || quantity) facts = true;
        }
        return facts ? who : null;
    }

    /**
     * The speaker says their own hukou is here, in town: a clause of 我 ("我是银州区户口", "我跟我老公都是喀什户口") or one
     * going on about the speaker ("我在县城开超市 是县城户口", "我在东昌府区买的二手房 户口也在东昌府"), stating no other hukou fact.
     */
    private boolean speakerHukouHere(List<Token> tokens, List<Clause> clauses, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions) {
        boolean speaker = false, here = false;
        for (Clause c : clauses) {
            if (c.relative() != null) speaker = false;
            else if (c.explicit()) speaker = true;
            if (!speaker || c.relative() != null) continue;
            // "我…户口在赤峰市里 想迁到阿旗他那": the speaker who would move is the one settling
            if (settling(tokens, c, mentions)) return false;
            String said = SPEAKER_FIRST.matcher(textOf(c)).replaceFirst("");
            if (hukouHereInTown(said, tokens, c)) here = true;
        }
        return here;
    }

    /**
     * The clause says where a hukou is, and not here in town ("她户口还在通辽", "户口在她亲妈那", "户口在通辽她爸那"): the one
     * it is of would move.
     */
    boolean hukouAway(List<Token> tokens, Clause c) {
        String t = textOf(c);
        if (HUKOU_STILL_THERE.matcher(t).find()) return true;
        java.util.regex.Matcher m = HUKOU_SAID.matcher(t);
        if (!m.find()) return false;
        // "户口在她亲妈那", "户口在她爸那": with another of one's people, no place or town named, is not here
        List<Token> part = tokens.subList(c.first(), c.last() + 1);
        String where = t.substring(m.end());
        if (!places.namesCovered(part) && !Texts.containsAny(where, HERE) && !Texts.containsAny(where, Places.TOWN)) return true;
        return !hukouHereInTown(t.substring(m.start()), tokens, c);
    }

    /** Words for the place spoken from. */
    private static final List<String> HERE = List.of("这", "本地", "当地", "那边", "那儿", "那里");

    /**
     * A clause of the speaker's says their own hukou is here, in town, as one says it of the place one is joined at
     * ("我是哈密户口", "我在红山区有户口"); "我户口在赤峰" tells as often where one moves from.
     */
    boolean saysOwnHukouHere(List<Token> tokens, Clause c) {
        String said = SPEAKER_FIRST.matcher(textOf(c)).replaceFirst("");
        return (OWN_HUKOU_HERE.matcher(said).matches() || OWN_HUKOU_HAD.matcher(said).matches()) && !places.uncovered(tokens.subList(c.first(), c.last() + 1));
    }

    /** Every clause about [who] says only that they hold hukou here: the one joined, not the one told about. */
    boolean hukouHereOnly(List<Token> tokens, List<Clause> clauses, String who, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions,
                          Set<Integer> quantityAt) {
        boolean any = false;
        for (Clause c : clauses) {
            if (!who.equals(c.relative()) || !c.explicit()) continue;
            boolean quantity = quantityAt.stream().anyMatch(i -> i >= c.first() && i <= c.last());
            if (!hukouHereOnly(tokens, c, mentions, quantity)) return false;
            any = true;
        }
        return any;
    }

    /** The clause of a relative says only that they hold hukou here, in town ("我姐夫是塔城户口", "我哥是伊宁市户口"). */
    private boolean hukouHereOnly(List<Token> tokens, Clause c, List<PhraseIndex.Match<Lexicon.FactPhrase>> mentions, boolean quantity) {
        if (quantity || clauseHasFact(c, mentions, HUKOU_KIND)) return false;
        int k = kin.skipSelf(tokens, c.first(), c.last());
        PhraseIndex.Match<String> r = kin.relativeAt(tokens, k, c.last());
        if (r == null) return false;
        String said = text(tokens, k + r.last() + 1, c.last());
        return hukouHereInTown(said, tokens, c);
    }

    /** What a clause says of its subject is a hukou held here, in town, and the clause names no place no document covers. */
    private boolean hukouHereInTown(String said, List<Token> tokens, Clause c) {
        List<Token> part = tokens.subList(c.first(), c.last() + 1);
        if (places.uncovered(part)) return false;
        // a field with no verb must name the covered place itself ("户籍：松山区城区"), not only a word of town
        return OWN_HUKOU_HERE.matcher(said).matches() || OWN_HUKOU_IN.matcher(said).matches() || OWN_HUKOU_HAD.matcher(said).matches()
                || FIELD_HUKOU.matcher(said).matches() && places.namesCovered(part);
    }
}
