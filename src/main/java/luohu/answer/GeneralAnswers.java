package luohu.answer;

import luohu.answer.Prompts;
import luohu.nlu.Intent;
import luohu.nlu.Understanding;
import luohu.policy.Assessment;
import luohu.policy.Condition;
import luohu.policy.DocumentInfo;
import luohu.policy.Facts;
import luohu.policy.PathwayOutcome;
import luohu.policy.Place;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyModel;
import luohu.policy.Rule;
import luohu.policy.Status;
import luohu.policy.Truth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers to general questions straight from the clauses, without an interview: residence permits, land, people
 * without hukou, a document's source and date, "do I need X", and comparisons between places.
 */
public final class GeneralAnswers {
    /** The topics each general intent draws on when the message names no narrower one. */
    private static final Map<Intent, List<String>> INTENT_TOPICS = Map.of(
            Intent.RESIDENCE_PERMIT, List.of("residence_permit", "permit_rights", "children_education"),
            Intent.LAND, List.of("land"),
            Intent.NO_HUKOU, List.of("no_hukou", "lost_certificate"),
            Intent.POLICY_INFO, List.of("policy_info"));

    private final PolicyModel model;
    private final PolicyEngine engine;
    private final Prompts prompts;
    private final OutcomeText text;
    private final CaseAnswers cases;
    /** The document's own words nearest a question, found against passages gathered once per place. */
    private final Passages passages = new Passages();
    /** The documents' places in a line ("二连浩特、赤峰…"), for replies that ask which place. */
    private final String placeList;

    private java.util.Collection<String> common = java.util.Set.of();

    /** Two-character runs too common to tell passages apart (落户, 户口): not counted when looking for the nearest. */
    public GeneralAnswers withCommonPairs(java.util.Collection<String> pairs) {
        this.common = java.util.Set.copyOf(pairs);
        return this;
    }

    public GeneralAnswers(PolicyEngine engine, Prompts prompts, CaseAnswers cases) {
        this.model = engine.model();
        this.engine = engine;
        this.prompts = prompts;
        this.text = cases.text();
        this.cases = cases;
        this.placeList = model.documents().stream().map(d -> d.rootPlace().name()).collect(Collectors.joining("、"));
    }

    /**
     * @param place the place of the conversation, or null (then every document answers)
     * @param facts everything known of the applicant, so that rules that concern them come first
     */
    public String answer(Understanding u, Place place, Facts facts) {
        return switch (u.intent()) {
            // a question about the document that names a narrower topic of its rules ("名字写成汉字按啥写") is that topic's
            case POLICY_INFO -> place == null ? documentsOnNarrowerTopic(u, facts).orElseGet(() -> everyDocument(this::policyInfo))
                    : narrowerTopic(u, place) ? rules(narrowed(u), model.documentOf(place), place, facts, 3)
                    : validityOnly(u) ? validity(model.documentOf(place)) : policyInfo(model.documentOf(place), place);
            case REQUIREMENT -> place == null ? prompts.say("requirement_place", "places", placeList()) : requirement(u, place, facts);
            case COMPARE -> compare(u, facts);
            default -> place == null ? everyDocument((d, p) -> rules(u, d, p, facts, 1)) : rules(u, model.documentOf(place), place, facts, 3);
        };
    }

    /**
     * The message with its narrower topics only: the document's general information is not what it asks (and no
     * intent adds its own topics back).
     */
    private static Understanding narrowed(Understanding u) {
        return u.withTopics(u.topics().stream().filter(t -> !t.equals("policy_info")).toList()).withAsk(u.ask(), Intent.OUT_OF_SCOPE);
    }

    private boolean narrowerTopic(Understanding u, Place place) {
        PolicyDocument d = model.documentOf(place);
        return u.topics().stream().anyMatch(t -> !t.equals("policy_info")
                && d.rules().stream().anyMatch(r -> r.topics().contains(t) && r.scope().covers(place) != Truth.FALSE));
    }

    /** With no place named: the documents that have rules on the narrower topic, each answering from them. */
    private java.util.Optional<String> documentsOnNarrowerTopic(Understanding u, Facts facts) {
        java.util.function.Predicate<PolicyDocument> on = d -> narrowerTopic(u, d.rootPlace());
        if (model.documents().stream().noneMatch(on)) return java.util.Optional.empty();
        return java.util.Optional.of(documents(on, (d, p) -> rules(narrowed(u), d, p, facts, 3)));
    }

    private interface PerDocument {
        String answer(PolicyDocument d, Place p);
    }

    private String everyDocument(PerDocument f) {
        return documents(d -> true, f);
    }

    /** The answer of each document that qualifies, for its root place, under the place's name. */
    private String documents(java.util.function.Predicate<PolicyDocument> which, PerDocument f) {
        List<String> parts = new ArrayList<>();
        for (PolicyDocument d : model.documents()) if (which.test(d)) parts.add("【" + d.rootPlace().name() + "】" + f.answer(d, d.rootPlace()));
        return String.join("\n\n", parts);
    }

    public String placeList() {
        return placeList;
    }

    /** The rules of the topics asked about: those that hold for the applicant first, none that cannot hold. */
    private String rules(Understanding u, PolicyDocument doc, Place place, Facts facts, int limit) {
        String r = ruleLines(u, doc, place, facts, limit);
        if (r != null) return r;
        List<String> topics = topics(u);
        String silent = topics.isEmpty() ? prompts.say("silent")
                : prompts.say("no_topic_rules", "document", doc.info().citeName(), "topic", model.topicName(topics.get(0)));
        return nearest(u, doc, place).orElse(silent);
    }

    /**
     * As {@link #rules}, or null when the document has no rule on the topics. Rules on the narrower topic the
     * message names come first; among them, rules that hold for the applicant, then rules the applicant's known
     * facts bear on, then general ones. Rules whose condition fails for the applicant are left out.
     */
    private String ruleLines(Understanding u, PolicyDocument doc, Place place, Facts facts, int limit) {
        return ruleLines(u, doc, place, facts, limit, true, false);
    }

    /**
     * @param withNotice whether a draft document's notice leads
     * @param beside     the rules go beside the answer to a case: a rule for a kind of case ({@code when}) comes only
     *                   when it holds for this one ("结婚五年" does not bring the graduates' rule on age limits)
     */
    private String ruleLines(Understanding u, PolicyDocument doc, Place place, Facts facts, int limit, boolean withNotice,
                             boolean beside) {
        List<String> topics = topics(u);
        if (topics.isEmpty()) return null;
        List<String> narrow = u.topics().stream().filter(topics::contains).toList();
        List<Rule> chosen = new ArrayList<>();
        Map<Rule, Integer> score = new java.util.HashMap<>();
        Set<Rule> holding = new java.util.HashSet<>();
        Set<Rule> failing = new java.util.HashSet<>();
        Set<String> messagePairs = Passages.pairs(u.normalised(), Set.of());
        for (Rule r : doc.rules()) {
            if (r.scope().covers(place) == Truth.FALSE || !luohu.common.Lists.anyIn(r.topics(), topics)) continue;
            Truth t = engine.applies(r, facts);
            if (beside && r.when() != null && t != Truth.TRUE) continue;
            // a rule that fails for the applicant is left out, unless it is on the very topic asked: then not meeting
            // it is the answer ("孩子能中考吗" with too few years of schooling)
            // (a threshold not reached, as years of schooling; a rule for another kind of case, as another reason for
            // having no hukou, is left out all the same)
            boolean asked = !narrow.isEmpty() && r.topics().contains(narrow.get(0)) && threshold(r, facts);
            if (t == Truth.FALSE && !asked) continue;
            if (t == Truth.FALSE) failing.add(r);
            // the topic named last is what is asked ("办了居住证，孩子能参加中考吗" asks about the exams)
            int sc = luohu.common.Lists.anyIn(r.topics(), narrow) ? 4 : 0;
            if (!narrow.isEmpty() && r.topics().contains(narrow.get(0))) sc += 8;
            // a rule that holds for the applicant is about them: it comes before the rest of the topic
            if (r.when() != null && t == Truth.TRUE) {
                sc += 9;
                holding.add(r);
            } else if (r.when() != null && Condition.leavesOf(r.when()).stream().anyMatch(l -> facts.knows(l.fact()))) {
                sc += 1;
            }
            // among equals, the rule that shares most words with the message ("结了婚还能投靠不" → the rule on 婚否)
            score.put(r, sc * 4 + Math.min(3, shared(messagePairs, r.text())));
            chosen.add(r);
        }
        if (chosen.isEmpty()) return null;
        chosen.sort((x, y) -> Integer.compare(score.get(y), score.get(x)));
        // a message asking of two topics ("居住证有啥用 孩子能中考不") hears the best rule of each before the rest
        List<Rule> firsts = new ArrayList<>();
        for (String t : narrow) chosen.stream().filter(r -> r.topics().contains(t)).findFirst().filter(r -> !firsts.contains(r)).ifPresent(firsts::add);
        List<Rule> ordered = new ArrayList<>(firsts.subList(0, Math.min(limit, firsts.size())));
        chosen.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
        chosen = ordered;
        // the rules that hold for the applicant's own case answer it: the rest of the topic would only crowd them out
        // ("迁移证丢了" hears the rule on lost certificates, not those on births outside the plan)
        List<Rule> theirs = chosen.stream().filter(holding::contains).toList();
        if (!theirs.isEmpty() && firsts.stream().allMatch(holding::contains)) chosen = theirs;
        String topicName = model.topicName((narrow.isEmpty() ? topics : narrow).get(0));
        StringBuilder sb = new StringBuilder();
        if (withNotice) cases.draftNotice(doc).ifPresent(d -> sb.append(d).append("\n"));
        sb.append(prompts.say("general_intro", "topic", topicName, "document", doc.info().citeName()));
        for (Rule r : chosen.subList(0, Math.min(limit, chosen.size()))) {
            sb.append("\n· ").append(r.title()).append(holding.contains(r) ? "（与您的情况相符）" : failing.contains(r) ? "（按您说的情况，还不满足）" : "").append("：“")
                    .append(excerpt(r.text(), u.normalised())).append("”").append(text.cite(doc, r.clauses()));
        }
        return sb.toString();
    }

    /** The document's words nearest the message, when no condition or rule answers it. */
    public java.util.Optional<String> nearest(Understanding u, PolicyDocument doc, Place place) {
        return nearest(u, doc, place, 2);
    }

    /**
     * As {@link #nearest(Understanding, PolicyDocument, Place)}, sharing at least {@code near} runs of words with the
     * message: beside an answer that stands on its own, only words this close earn their place above it.
     */
    public java.util.Optional<String> nearest(Understanding u, PolicyDocument doc, Place place, int near) {
        // what a "do I need X" question is about, in plain words, counts as part of the question ("本人到场")
        return passages.nearest(doc, place, u.normalised(), common, text, near, u.requirementLabel() == null ? "" : u.requirementLabel())
                .map(p -> prompts.say("nearest_passage", "passage", p));
    }

    /** A rule longer than this is quoted by its lead-in and the part nearest the question. */
    private static final int LONG_RULE = 120;
    private static final java.util.regex.Pattern PART_ENDS = java.util.regex.Pattern.compile("(?<=[；。])");

    /**
     * A long rule quoted by the words that matter: its lead-in (up to "："), then the one part (between "；" or "。")
     * sharing most words with the message, the rest left out as "……". Verbatim throughout.
     */
    static String excerpt(String rule, String message) {
        if (rule.length() <= LONG_RULE) return rule;
        int colon = rule.indexOf('：');
        String lead = colon > 0 && colon < 60 ? rule.substring(0, colon + 1) : "";
        String body = rule.substring(lead.length());
        String[] parts = PART_ENDS.split(body);
        if (parts.length < 2) return rule;
        String best = null;
        int bestScore = 0;
        Set<String> messagePairs = Passages.pairs(message, Set.of());
        for (String p : parts) {
            int sc = shared(messagePairs, p);
            if (sc > bestScore) {
                best = p;
                bestScore = sc;
            }
        }
        if (best == null) return rule;
        boolean first = body.startsWith(best), last = body.endsWith(best);
        return lead + (first ? "" : "……") + best.strip() + (last ? "" : "……");
    }

    /** Whether the rule's condition has a threshold on a fact known: not reaching it is worth saying. */
    private static boolean threshold(Rule r, Facts facts) {
        return r.when() != null && Condition.leavesOf(r.when()).stream()
                .anyMatch(l -> (l.op() == Condition.Op.AT_LEAST || l.op() == Condition.Op.BELOW) && facts.knows(l.fact()));
    }

    /** How many of the message's distinct two-character runs of Chinese ({@link Passages#pairs}) occur in the text. */
    private static int shared(Set<String> messagePairs, String text) {
        int n = 0;
        for (String p : messagePairs) if (text.contains(p)) n++;
        return n;
    }

    /** The topics of the message that its intent draws on; the intent's own when the message names none. */
    private static List<String> topics(Understanding u) {
        List<String> base = INTENT_TOPICS.getOrDefault(u.intent(), u.topics());
        // short stays (居住半年以下) belong with residence permits only when the message speaks of them
        List<String> narrow = u.topics().stream().filter(t -> base.contains(t)
                || u.intent() == Intent.RESIDENCE_PERMIT && t.equals("temporary_stay")).toList();
        if (!narrow.isEmpty()) {
            // a narrower topic asked about comes first, but the intent's main topic still answers
            Set<String> all = new LinkedHashSet<>(narrow);
            all.addAll(base);
            return new ArrayList<>(all);
        }
        return base;
    }

    /**
     * The rules on what a case message touches besides the case itself ("能迁到农村吗", "可以不迁吗"), to put before
     * the assessment; null when it touches none.
     */
    public String topicNotes(Understanding u, Place place, Facts facts, java.util.Collection<String> caseTopics) {
        return topicNotes(u, place, facts, caseTopics, 1);
    }

    /** As {@link #topicNotes(Understanding, Place, Facts, java.util.Collection)}, with at most {@code limit} rules. */
    public String topicNotes(Understanding u, Place place, Facts facts, java.util.Collection<String> caseTopics, int limit) {
        if (place == null || u.topics().stream().noneMatch(caseTopics::contains)) return null;
        // the answer that follows carries the document's notices itself
        return ruleLines(u, model.documentOf(place), place, facts, limit, false, true);
    }

    private java.util.Collection<String> validityWords = List.of();

    /** Words of a question only about whether a document is still in force ("还管用不"). */
    public GeneralAnswers withValidityWords(java.util.Collection<String> words) {
        this.validityWords = List.copyOf(words);
        return this;
    }

    /** A short question whether the document still holds: answered with its status, not its whole description. */
    private boolean validityOnly(Understanding u) {
        String plain = luohu.nlu.Normalizer.bare(u.normalised());
        return plain.length() <= 12 && validityWords.stream().anyMatch(plain::contains);
    }

    private String validity(PolicyDocument doc) {
        DocumentInfo i = doc.info();
        String status = i.draft() || i.effective() != null ? text.status(doc) + "。"
                : prompts.say("policy_dated", "document", i.citeName(), "date", i.date() == null ? "未写明年份" : i.date() + "年");
        return status + "\n" + prompts.say("policy_validity") + "\n" + text.source(doc);
    }

    private String policyInfo(PolicyDocument doc, Place place) {
        DocumentInfo i = doc.info();
        StringBuilder sb = new StringBuilder(prompts.say("policy_info", "place", place.name(), "document", i.citeName()));
        if (i.issuer() != null) sb.append("\n发文单位：").append(i.issuer());
        if (i.effective() != null) sb.append("\n执行时间：自").append(i.effective()).append("起执行");
        if (i.dateNote() != null) sb.append("\n").append(i.effective() == null ? "时间：" : "").append(i.dateNote());
        else if (i.date() != null && i.effective() == null) sb.append("\n时间：").append(i.date()).append(i.dateInferred() ? "年（推定，文件未写明）" : "年");
        if (i.date() == null && i.dateNote() == null) sb.append("\n").append(prompts.say("policy_no_date"));
        // none of the documents states how long it is valid: said, so that "还管用不" gets an answer
        sb.append("\n").append(prompts.say("policy_validity"));
        // the documents say nothing of their own validity beyond a draft's mark: only that is reported
        if (i.draft()) sb.append("\n状态：").append(i.statusNote() == null ? "草稿" : i.statusNote()).append("，尚未正式定稿");
        if (!i.implementsDocs().isEmpty()) sb.append("\n制定依据：").append(String.join("、", i.implementsDocs()));
        if (!i.repeals().isEmpty()) sb.append("\n同时废止：").append(String.join("、", i.repeals()));
        return sb.toString();
    }

    /**
     * "需要先找到工作吗": pathways open to the applicant that do not ask for X answer no; the rules of the topic,
     * and the conditions on X of the other pathways, in the document's words.
     */
    private String requirement(Understanding u, Place place, Facts facts) {
        PolicyDocument doc = model.documentOf(place);
        List<String> subject = u.requirementFacts();
        String label = u.requirementLabel() == null ? "这一项" : u.requirementLabel();
        List<String> parts = new ArrayList<>();
        if (!subject.isEmpty()) {
            Assessment a = engine.assess(place, facts);
            for (PathwayOutcome o : a.outcomes()) {
                if (o.status() == Status.ELIGIBLE && !mentions(o.pathway().conditions(), subject)) {
                    parts.add(prompts.say("requirement_none", "pathway", o.pathway().name(),
                            "cite", text.cite(doc, o.pathway().clauses()), "subject", label));
                }
            }
            List<String> asks = new ArrayList<>();
            for (PathwayOutcome o : a.outcomes()) {
                if (o.status() == Status.NOT_APPLICABLE) continue;
                for (Condition.Leaf l : leavesOn(o.pathway().conditions(), subject)) {
                    asks.add("· " + o.pathway().name() + "：“" + l.says() + "”" + text.cite(doc, l.clause()));
                }
            }
            if (!asks.isEmpty() && parts.isEmpty()) parts.add(prompts.say("requirement_some", "subject", label) + "\n" + String.join("\n", asks));
        }
        String rules = ruleLines(u, doc, place, facts, 3);
        if (rules != null) parts.add(rules);
        // the document's own words very near the question ("面积小也行吗" → "不受住房面积、金额限制"), unless its rules
        // on the subject already quote them
        if (!parts.isEmpty() && rules == null) {
            passages.nearest(doc, place, u.normalised(), common, text, 3).filter(p -> parts.stream().noneMatch(x -> x.contains(p)))
                    .ifPresent(p -> parts.add(prompts.say("nearest_passage", "passage", p)));
        }
        if (parts.isEmpty()) {
            // the document's own words near the question, when it has them, rather than a silence they would contradict
            // (a subject the conditions could name, as 租住年限, is a silence when none does)
            java.util.Optional<String> near = subject.isEmpty() ? nearest(u, doc, place) : java.util.Optional.empty();
            parts.add(near.orElseGet(() -> u.requirementLabel() == null ? prompts.say("silent")
                    : prompts.say("silent_subject", "document", doc.info().citeName(), "subject", u.requirementLabel())));
        }
        parts.add(text.source(doc));
        return String.join("\n\n", parts);
    }

    private static boolean mentions(Condition c, List<String> facts) {
        return !leavesOn(c, facts).isEmpty();
    }

    private static List<Condition.Leaf> leavesOn(Condition c, List<String> facts) {
        return Condition.leavesOf(c).stream().filter(l -> facts.contains(l.fact())).toList();
    }

    /**
     * Two or more places side by side: for the facts the message names, each document's pathways that depend on
     * them, in the document's words; with no such facts, each document's rules on the message's topics.
     */
    private String compare(Understanding u, Facts facts) {
        List<Place> places = u.places().covered();
        List<String> names = places.stream().map(Place::name).toList();
        List<String> parts = new ArrayList<>();
        List<String> factIds = new ArrayList<>(u.facts().asMap().keySet());
        factIds.remove("local_hukou");
        // "租房落户…有什么不同" may name its subject without stating a fact of the applicant's
        List<String> subject = factIds.isEmpty() ? u.requirementFacts() : factIds;
        parts.add(prompts.say("compare_intro", "places", String.join("和", names),
                "topic", subject.isEmpty() ? "落户" : factIds.isEmpty() ? u.requirementLabel()
                        : factIds.stream().map(f -> model.vocabulary().get(f).name()).collect(Collectors.joining("、"))));
        for (Place p : places) {
            PolicyDocument doc = model.documentOf(p);
            StringBuilder sb = new StringBuilder("【" + p.name() + "】");
            if (subject.isEmpty() && u.topics().isEmpty()) {
                // nothing narrower asked: the pathways each document opens, by name
                sb.append(text.status(doc));
                for (luohu.policy.Pathway pw : doc.pathways()) {
                    if (pw.scope().covers(p) != Truth.FALSE) sb.append("\n· ").append(pw.name()).append(text.cite(doc, pw.clauses()));
                }
            } else if (subject.isEmpty()) {
                sb.append(rules(u, doc, p, facts, 3));
            } else {
                Assessment a = engine.assess(p, u.facts());
                int n = 0;
                for (PathwayOutcome o : a.outcomes()) {
                    List<Condition.Leaf> ls = leavesOn(o.pathway().conditions(), subject);
                    // only pathways the named facts bear on and do not already rule out
                    if (ls.isEmpty() || o.status() == Status.NOT_APPLICABLE || o.status() == Status.NOT_ELIGIBLE) continue;
                    n++;
                    sb.append("\n· ").append(o.pathway().name()).append(text.cite(doc, o.pathway().clauses())).append("：");
                    sb.append(Condition.leavesOf(o.pathway().conditions()).stream().map(l -> "“" + l.says() + "”").distinct().collect(Collectors.joining("，")));
                }
                if (n == 0) sb.append(prompts.say("silent"));
            }
            sb.append("\n").append(text.source(doc));
            parts.add(sb.toString());
        }
        return String.join("\n\n", parts);
    }
}
