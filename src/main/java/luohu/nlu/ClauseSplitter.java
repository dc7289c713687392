package luohu.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static luohu.nlu.Clause.SOMEONE;
import static luohu.nlu.Kinship.PRONOUNS;
import static luohu.nlu.TokenText.spacedAfter;
import static luohu.nlu.TokenText.text;

/**
 * Cuts a message into clauses at punctuation, the lexicon's breaks and typed spaces, and says whose each clause is:
 * the speaker's (我…), a relative's named at its start (我老公…), or one 他/她 stands for.
 */
final class ClauseSplitter {
    /** 自己 opening a clause: whoever the clauses before were about. */
    private static final String REFLEXIVE = "自己";
    /** Relations of an older generation than the speaker's, whom 老人, 老太太, 老爷子 may stand for. */
    private static final Set<String> OLDER = Set.of("parent", "parent_in_law", "grandparent");
    /** How verbs of moving somewhere end (迁到, 迁回, 投靠): a place after one is where one moves. */
    private static final List<String> MOVING_ENDINGS = List.of("到", "回", "进", "入", "去", "来", "靠", "奔");
    /** The speaker's young relatives of another line, whom 孩子 may stand for once named. */
    private static final Set<String> YOUNG_OTHERS = Set.of("外甥", "外甥女", "侄子", "侄女", "小侄子", "小侄女", "小外甥", "小外甥女", "外甥孙", "侄孙");
    /** Words for a child that, with no 我 before them, may point back at a grandchild already spoken of. */
    private static final Set<String> YOUNG = Set.of("孩子", "小孩", "娃", "孩儿", "小孩子", "娃娃", "娃儿");
    /** Words between two relatives that make the second the first's own (我媳妇她爸妈, 我大伯家的堂哥). */
    private static final Set<String> CHAIN_LINKS = Set.of("她", "他", "的", "家", "家的", "她的", "他的");
    /**
     * Bringing a child along from an earlier marriage, or taking one in (带过来的闺女, 我们领养的闺女; 带 only with 的 after
     * it: 带俩孩子 is no such child).
     */
    private static final Set<String> BROUGHT = Set.of("带过来", "带来", "带过来的", "带来的", "带", "领来", "领过来",
            "领养", "收养", "抱养", "领养的", "收养的", "抱养的");
    /** Words of living with someone, before the one lived with ("我跟俺家老爷子住一块"). */
    private static final List<String> LIVING_WITH = List.of("跟", "和", "跟着", "同");
    private static final Set<String> SUBJECTS = Set.of("我", "俺", "我们", "俺们", "咱们");
    private static final List<String> ENDS_STATEMENT = List.of("n", "t", "m", "q", "y", "ul", "a");
    private static final List<String> GIVEN_TO_ME = List.of("给我", "给俺", "送我", "送俺", "留给我", "留给俺", "送的", "给的", "赠的", "留下的");
    /** Where one's land or home is, before 还有: "老家还有宅基地", "村里还有承包地" say what is still had there. */
    private static final Set<String> STILL_HAS_WHERE = Set.of("老家", "村里", "家里", "农村", "乡下", "老家里", "村子里", "名下",
            "原籍", "嘎查", "牧区", "那边", "俺家", "我家");

    private final Lexicon lexicon;
    private final Kinship kin;
    private final Places places;
    /** Negators after a word and affirming words: typed alone after a space, they still close the word before. */
    private final Set<String> predicates = new HashSet<>();
    private final Set<String> breaks;
    /** Words that bind a following 我 or relative to what comes before ("跟我住"): no new clause there. */
    private final Set<String> binders;
    private final List<String> binderEndings;

    ClauseSplitter(Lexicon lexicon, Kinship kin, Places places) {
        this.lexicon = lexicon;
        this.kin = kin;
        this.places = places;
        predicates.addAll(lexicon.negation().after());
        predicates.addAll(lexicon.negation().affirm());
        breaks = new HashSet<>(lexicon.clauseBreaks());
        binders = new HashSet<>(lexicon.subjectBinders());
        binderEndings = List.copyOf(lexicon.subjectBinderEndings());
    }

    /** The message's clauses, in order, each with whose it is. */
    List<Clause> clauses(List<Token> tokens) {
        List<Clause> out = new ArrayList<>();
        int start = 0;
        String named = null;
        // the relatives named so far, in order, each with the gender its word says ("F", "M" or "")
        List<String[]> namedSoFar = new ArrayList<>();
        String speaking = null; // the relative the last clause with a subject was about, null after 我
        boolean staff = staffTelling(tokens);
        for (int i = 0; i <= tokens.size(); i++) {
            // "户口在江苏 在聊城工作": a space typed between words ends a clause as a comma does
            boolean spaced = i > start && i < tokens.size() && (tokens.get(i).start() > tokens.get(i - 1).end() && !lonePredicate(tokens, i)
                    || newSubject(tokens, i));
            boolean end = i == tokens.size() || (tokens.get(i).punctuation() || breaks.contains(tokens.get(i).text()) && !stillHas(tokens, i))
                    && !fieldColon(tokens, start, i);
            if (!end && !spaced) continue;
            if (i > start) {
                Clause c = clause(tokens, start, i - 1);
                if (c.relative() == null && PRONOUNS.contains(tokens.get(start).text())) {
                    String pronoun = tokens.get(start).text();
                    String meant = referent(pronoun, namedSoFar, named);
                    PhraseIndex.Match<String> own = kin.relativeAt(tokens, start + 1, c.last());
                    PhraseIndex.Match<String> introduced = start + 1 <= c.last() && tokens.get(start + 1).text().equals("是")
                            ? kin.relativeAt(tokens, kin.skipSelf(tokens, start + 2, c.last()), c.last()) : null;
                    if (introduced != null && kin.skipSelf(tokens, start + 2, c.last()) > start + 2) {
                        // "他是我亲弟弟": the one spoken of is introduced as the speaker's relative
                        c = c.about(introduced.values().get(0), true);
                        named = c.relative();
                        namedSoFar.add(new String[]{named, kin.gender(introduced.phrase())});
                    } else if (own != null && meant != null && pronoun.length() == 1) {
                        // "我兄弟在二连上班 他媳妇能投靠他吗": the named relative's own relative (said again as the speaker's:
                        // "他姐也就是我媳妇是二连户口")
                        PhraseIndex.Match<String> same = sameAs(tokens, start + 1 + own.last() + 1, c.last());
                        String rel = same != null ? same.values().get(0) : Kinship.ofRelative(meant, own.values().get(0));
                        c = c.about(rel, true);
                        named = rel;
                        namedSoFar.add(new String[]{rel, kin.gender(own.phrase()), pronoun + own.phrase()});
                    } else {
                        c = c.about(meant != null ? meant : SOMEONE, true); // 他是农村户口
                    }
                } else if (c.relative() == null && speaking != null && REFLEXIVE.equals(tokens.get(start).text())) {
                    // "我爸在二连开大车 自己交的社保": 自己 refers back to the one spoken of, not to the speaker
                    c = c.about(null, false);
                } else if (c.relative() != null && lexicon.applicantCues().elders().contains(tokens.get(c.first()).text())
                        && (staff || named != null)) {
                    // "老爷子这户口还能恢复不": an old person's word with no 我 before it is someone already spoken of, the
                    // last of the older generations ("我丈母娘… 我媳妇是二连户口 老太太想投靠闺女": the mother-in-law)
                    c = c.about(staff ? null : elder(tokens.get(c.first()).text(), namedSoFar, named), true);
                    // …and the one a later 他/她 stands for ("老爷子想投靠我哥 他户口在村里")
                    if (c.relative() != null) namedSoFar.add(new String[]{c.relative(), kin.gender(tokens.get(c.first()).text())});
                } else if ("child".equals(c.relative()) && YOUNG.contains(tokens.get(c.first()).text()) && young(namedSoFar) != null) {
                    // "外孙女在通辽出生 … 孩子从小跟我在元宝山长大": 孩子 with no 我 before it is the grandchild, nephew or
                    // niece spoken of
                    c = c.about(young(namedSoFar), true);
                } else if (c.relative() != null) {
                    named = c.relative();
                    PhraseIndex.Match<String> word = kin.relativeAt(tokens, kin.skipSelf(tokens, c.first(), c.last()), c.last());
                    namedSoFar.add(new String[]{named, word == null ? "" : kin.gender(word.phrase()), word == null ? "" : word.phrase()});
                }
                if (c.relative() != null) speaking = c.relative();
                else if (c.explicit()) speaking = null;
                out.add(c);
                // "想问的是我妈 她户口在河北": the speaker's relative named inside a clause is whom a later 她 may stand for
                String inside = namedInside(tokens, c);
                if (inside != null) {
                    PhraseIndex.Match<String> w = kin.relativeAt(tokens, insideAt, c.last());
                    named = inside;
                    namedSoFar.add(new String[]{inside, w == null ? "" : kin.gender(w.phrase())});
                }
            }
            start = end ? i + 1 : i;
        }
        return out;
    }

    /** The last grandchild, nephew or niece named, whom 孩子 may stand for; null when a child of the speaker's came after. */
    private static String young(List<String[]> namedSoFar) {
        for (int k = namedSoFar.size() - 1; k >= 0; k--) {
            String[] n = namedSoFar.get(k);
            if (n[0].equals("grandchild") || n.length > 2 && YOUNG_OTHERS.contains(n[2])) return n[0];
            if (n[0].equals("child") && (n.length < 3 || !n[2].startsWith("他") && !n[2].startsWith("她"))) return null;
        }
        return null;
    }

    /** Whom an old person's word stands for: the last relative named of an older generation and the word's gender. */
    private String elder(String word, List<String[]> namedSoFar, String named) {
        String gender = kin.gender(word);
        for (int k = namedSoFar.size() - 1; k >= 0; k--) {
            String[] n = namedSoFar.get(k);
            if (OLDER.contains(n[0]) && (gender.isEmpty() || n[1].isEmpty() || gender.equals(n[1]))) return n[0];
        }
        return named;
    }

    /** "也就是我媳妇", "就是我大姨": the speaker's word for one just named, right after them, or null. */
    private PhraseIndex.Match<String> sameAs(List<Token> tokens, int at, int last) {
        int k = at;
        while (k <= last && SAME_AS.contains(tokens.get(k).text())) k++;
        if (k == at || k > last || !kin.speaker(tokens.get(k).text())) return null;
        return kin.relativeAt(tokens, kin.skipSelf(tokens, k, last), last);
    }

    /** Words that say the one named next is the same person ("也就是", "就是"). */
    private static final Set<String> SAME_AS = Set.of("也就是", "就是", "也就", "也", "即", "也是", "是");

    /** Where {@link #namedInside} found its relative. */
    private int insideAt;

    /**
     * The last relative of the speaker's (我/俺 before the word) named inside the clause after a word naming whom it is
     * about or of living with ("想问的是我妈", "那我爸妈呢", "跟俺家老爷子住"), or null; one who is only the object of another verb
     * (伺候俺娘), or said to be the same as one named (也就是我老公), is not.
     */
    private String namedInside(List<Token> tokens, Clause c) {
        String found = null;
        for (int i = c.first() + 1; i < c.last(); i++) {
            if (!kin.speaker(tokens.get(i).text())) continue;
            if (!naming(tokens, c.first(), i - 1)) continue;
            int k = kin.skipSelf(tokens, i, c.last());
            PhraseIndex.Match<String> r = kin.relativeAt(tokens, k, c.last());
            if (r == null) continue;
            found = r.values().get(0);
            insideAt = k;
        }
        return found;
    }

    /**
     * Tokens [first, last] end in a word naming whom the message is about (问的是, 换成) or one of living with (跟), or
     * are the 那 of a follow-up.
     */
    private boolean naming(List<Token> tokens, int first, int last) {
        if (last == first && tokens.get(first).text().equals("那")) return true;
        Lexicon.ApplicantCues cues = lexicon.applicantCues();
        for (String w : cues.naming()) if (TokenText.endsWith(tokens, first, last, w)) return true;
        for (String w : cues.switching()) if (TokenText.endsWith(tokens, first, last, w)) return true;
        // "我跟俺家老爷子住一块 他是乌市户口": the one lived with
        for (String w : LIVING_WITH) if (TokenText.endsWith(tokens, first, last, w)) return true;
        return false;
    }

    /** Whose clause it is: a relative named at its start ("我老公是…"), the applicant ("我…"), or nobody said. */
    private Clause clause(List<Token> tokens, int first, int last) {
        String text = text(tokens, first, last);
        int i = first;
        boolean self = false;
        if (i < last && tokens.get(i).text().equals("是")) {
            // "是我妈过户给我的": who gave it, the clause being the speaker's; a correction's "是我老公是…" is the relative's
            String rest = text(tokens, i + 1, last);
            if (Texts.containsAny(rest, GIVEN_TO_ME)) return new Clause(first, last, null, true, text);
            i++;
        }
        while (i <= last && (kin.speaker(tokens.get(i).text()) || self && tokens.get(i).text().equals("家"))) {
            i++;
            self = true;
        }
        // "带过来的闺女十二岁", "我带过来的儿子": a child brought from an earlier marriage, said before the word
        int brought = broughtAlong(tokens, i, last);
        if (brought > i && kin.relativeAt(tokens, brought, last) != null) i = brought;
        if (i <= last) {
            List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(i, Math.min(last + 1, i + 2)));
            if (!r.isEmpty() && r.get(0).first() == 0) {
                String rel = r.get(0).values().get(0);
                // "我媳妇她爸妈", "我后老伴带来的儿子", "我大伯家的堂哥": a relative of the relative named first
                int k = i + r.get(0).last() + 1, link = k;
                while (link <= last && CHAIN_LINKS.contains(tokens.get(link).text())) link++;
                int brought2 = broughtAlong(tokens, link, last);
                boolean along = brought2 > link;
                PhraseIndex.Match<String> second = link > k || along ? kin.relativeAt(tokens, brought2, last) : null;
                if (second != null) rel = along && "spouse".equals(rel) ? "child" : Kinship.ofRelative(rel, second.values().get(0));
                return new Clause(first, last, rel, true, text);
            }
        }
        return new Clause(first, last, null, self, text);
    }

    /** After tokens of bringing along from an earlier marriage (带过来的, 带来的), the token that follows; else {@code at}. */
    static int broughtAlong(List<Token> tokens, int at, int last) {
        int k = at;
        if (k <= last && BROUGHT.contains(tokens.get(k).text())) k++;
        else return at;
        if (k <= last && tokens.get(k).text().equals("过来")) k++;
        if (k <= last && tokens.get(k).text().equals("的")) return k + 1;
        return tokens.get(k - 1).text().endsWith("的") ? k : at;
    }

    /**
     * "营业执照 有 税务登记证 无": a negator or affirming word typed alone after a space is the predicate of the word
     * before it, not a clause of its own.
     */
    private boolean lonePredicate(List<Token> tokens, int i) {
        if (!predicates.contains(tokens.get(i).text())) return false;
        return i + 1 == tokens.size() || tokens.get(i + 1).punctuation() || tokens.get(i + 1).start() > tokens.get(i).end();
    }

    /**
     * "居住证我没有办", "技术的证我没有": a word named first and the speaker saying right after it that they lack it, the
     * negator ending the clause (a one-character verb at most after it), is one statement, not a new subject.
     */
    private boolean lackSaidAfterTopic(List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) return false;
        // a negator that negates what comes before it (没有, 没办), not one that only reaches forward (都没有)
        String next = tokens.get(i + 1).text();
        boolean backward = lexicon.negation().after().contains(next)
                || Texts.startsWithAny(next, lexicon.negation().prefixes()) && !lexicon.negation().before().contains(next);
        if (!backward) return false;
        int chars = 0;
        for (int k = i + 2; k < tokens.size() && !tokens.get(k).punctuation() && !spacedAfter(tokens, k - 1); k++) chars += tokens.get(k).text().length();
        return chars <= 1;
    }

    /** A subject typed straight after the words before it: 我/俺, or a relative named in three characters or more (老丈人), that nothing before binds. */
    private boolean newSubject(List<Token> tokens, int i) {
        String t = tokens.get(i).text();
        String before = tokens.get(i - 1).text();
        // "我家老爷子", "我们家老三": a word of the speaker's own before a relative owns them
        // (…but 家 before 我 owns nothing: "迁到东昌府区我们家我媳妇是…" starts again at 我)
        boolean ownedBy = binders.contains(before) && !(before.equals("家") && SUBJECTS.contains(t));
        if (ownedBy || kin.speaker(before) || tokens.get(i - 1).punctuation()) return false;
        // only after a word that ends a statement (a noun, a time, an amount, 了/吧): after a verb, 我 is its object
        if (!Texts.startsWithAny(tokens.get(i - 1).nature(), ENDS_STATEMENT)) return false;
        // a domain word carries no part of speech of its own (nz): one ending like 落到 is a verb
        if (tokens.get(i - 1).nature().equals("nz") && Texts.endsWithAny(before, binderEndings)) return false;
        // "能迁到二连我们家户口上吗": a place between a verb of moving and the one moved to binds them as one
        if (i >= 2 && places.isPlace(before) && Texts.endsWithAny(tokens.get(i - 2).text(), MOVING_ENDINGS)) return false;
        if (SUBJECTS.contains(t)) return !lackSaidAfterTopic(tokens, i);
        List<PhraseIndex.Match<String>> r = kin.find(tokens.subList(i, Math.min(tokens.size(), i + 2)));
        return !r.isEmpty() && r.get(0).first() == 0 && r.get(0).phrase().length() >= 3
                && kin.find(tokens.subList(i - 1, i)).isEmpty();
    }

    /**
     * Whom 他 or 她 stands for: the last relative named whose word does not say the other gender ("我闺女嫁到敖汉了
     * 女婿是城里户口 她户口还在村里": the daughter); 他们 and the like, the last named.
     */
    private static String referent(String pronoun, List<String[]> namedSoFar, String named) {
        String other = pronoun.equals("她") ? "M" : pronoun.equals("他") ? "F" : null;
        if (other == null || named == null) return named;
        for (int k = namedSoFar.size() - 1; k >= 0; k--) {
            // "俺孙子… 他爸是伊宁户口 他妈户口在河北": the own people of one named, said with 他/她, leave 他 to that one
            if (namedSoFar.get(k).length > 2 && (namedSoFar.get(k)[2].startsWith("他") || namedSoFar.get(k)[2].startsWith("她"))) continue;
            if (!other.equals(namedSoFar.get(k)[1])) return namedSoFar.get(k)[0];
        }
        return named;
    }

    /** Staff at a window tell of someone they serve (申请人…, 窗口来了个…): their elders' words are that person. */
    boolean staffTelling(List<Token> tokens) {
        for (Token t : tokens) if (lexicon.applicantCues().speaker().contains(t.text())) return true;
        return Texts.containsAny(text(tokens, 0, tokens.size() - 1), lexicon.applicantCues().staff());
    }

    /** 还有 after where one's land or home is says what is still had there: no break. */
    private boolean stillHas(List<Token> tokens, int i) {
        if (!"还有".equals(tokens.get(i).text()) || i == 0) return false;
        String before = tokens.get(i - 1).text();
        return STILL_HAS_WHERE.contains(before) || places.isPlace(before);
    }

    /**
     * A colon after a field's label, its value typed right after it ("户籍:通辽农村", "社保:无", "住房:租赁"): the label
     * and its value are one statement, as "户口在通辽农村" is.
     */
    private static boolean fieldColon(List<Token> tokens, int start, int i) {
        if (!":".equals(tokens.get(i).text()) || i == start || i + 1 >= tokens.size()) return false;
        Token next = tokens.get(i + 1);
        return !next.punctuation() && next.start() == tokens.get(i).end() || next.start() == tokens.get(i).end() + 1 && !next.punctuation();
    }
}
