package luohu.answer;

import luohu.answer.Prompts;
import luohu.policy.Assessment;
import luohu.policy.Cited;
import luohu.policy.Condition;
import luohu.policy.Failure;
import luohu.policy.PathwayOutcome;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyModel;
import luohu.policy.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Replies about the applicant's own case: which pathways fit, with materials, family, registration and citations. */
public final class CaseAnswers {
    private final OutcomeText text;
    private final Prompts prompts;

    private final luohu.nlu.Questions questions;

    public CaseAnswers(PolicyModel model, Prompts prompts, luohu.nlu.Questions questions) {
        this.text = OutcomeText.compact(model, (fact, value) -> {
            // a number is said as it is ("8个月"), not as the range a quick reply offers ("半年到一年")
            boolean number = model.vocabulary().get(fact).type().numeric();
            String option = value instanceof luohu.policy.Excluded || number ? null : questions.optionLabel(fact, value);
            return option != null ? option : model.vocabulary().get(fact).label(value);
        });
        this.prompts = prompts;
        this.questions = questions;
    }

    public OutcomeText text() {
        return text;
    }

    /** The eligible pathways in full, then a word on those still open. */
    public String eligible(Assessment a) {
        PolicyDocument doc = a.document();
        List<String> parts = new ArrayList<>();
        draftNotice(doc).ifPresent(parts::add);
        placeNoticeBlock(a).ifPresent(parts::add);
        parts.add(prompts.say("eligible_intro", "place", a.place().name()));
        for (PathwayOutcome o : a.with(Status.ELIGIBLE)) parts.add(pathwayInFull(o, doc));
        List<PathwayOutcome> open = a.with(Status.UNDETERMINED);
        if (!open.isEmpty()) {
            parts.add(prompts.say("more_pathways", "count", open.size(), "names", names(open)));
        }
        parts.add(text.source(doc));
        return String.join("\n\n", parts);
    }

    /** One eligible pathway: its name, materials verbatim, who comes along, where the household goes, notes. */
    public String pathwayInFull(PathwayOutcome o, PolicyDocument doc) {
        StringBuilder sb = new StringBuilder("■ ").append(o.pathway().name()).append(text.cite(doc, o.pathway().clauses()));
        if (o.pathway().materialsSilent()) sb.append("\n申报材料：").append(text.materials(o, doc).get(0));
        else {
            sb.append("\n").append(prompts.say("materials_intro"));
            for (String m : text.materials(o, doc)) sb.append("\n  ").append(m);
        }
        String fam = text.family(o, doc);
        if (fam != null) sb.append("\n").append(fam);
        for (String r : text.registration(o, doc)) sb.append("\n").append(r);
        String cross = text.crossProvince(o, doc);
        if (cross != null) sb.append("\n").append(cross);
        // notes with a reading explain how the model reads the text; those are for maintainers, unless marked to tell
        for (Cited n : o.pathway().notes()) if (n.reading() == null) sb.append("\n说明：“").append(n.text()).append("”").append(text.cite(doc, n.clause()));
        for (String r : text.readings(o, doc)) sb.append("\n").append(r);
        return sb.toString();
    }

    /** Who may come along on each pathway that fits, in the document's words; a pathway naming nobody says so. */
    public String familyAlong(Assessment a) {
        PolicyDocument doc = a.document();
        List<String> parts = new ArrayList<>();
        draftNotice(doc).ifPresent(parts::add);
        for (PathwayOutcome o : a.with(Status.ELIGIBLE)) {
            String fam = text.family(o, doc);
            parts.add("■ " + o.pathway().name() + "：" + (fam != null ? fam : prompts.say("family_silent")));
        }
        parts.add(text.source(doc));
        return String.join("\n", parts);
    }

    /** The outcome as it stands: what fits, what is open and what it waits for, what does not fit and why. */
    public String asItStands(Assessment a) {
        PolicyDocument doc = a.document();
        List<String> parts = new ArrayList<>();
        draftNotice(doc).ifPresent(parts::add);
        if (!a.with(Status.ELIGIBLE).isEmpty()) {
            parts.add(prompts.say("eligible_intro", "place", a.place().name()));
            for (PathwayOutcome o : a.with(Status.ELIGIBLE)) parts.add(pathwayInFull(o, doc));
        } else {
            parts.add(prompts.say("result_intro", "place", a.place().name()) + "目前还没有确定符合的途径。");
        }
        List<PathwayOutcome> open = a.with(Status.UNDETERMINED);
        if (!open.isEmpty()) {
            StringBuilder sb = new StringBuilder(prompts.say("still_open", "count", open.size()));
            for (PathwayOutcome o : open) sb.append("\n· ").append(o.pathway().name()).append(text.cite(doc, o.pathway().clauses()))
                    .append("：还需要知道").append(String.join("；", firstFew(missing(o))));
            parts.add(sb.toString());
        }
        List<PathwayOutcome> no = a.with(Status.NOT_ELIGIBLE);
        if (!no.isEmpty()) parts.add(notEligible(no, doc));
        parts.add(text.source(doc));
        return String.join("\n\n", parts);
    }

    /** Rules about this place in particular (乌鲁木齐: 控制落户), which every answer about it must carry. */
    public List<String> placeNotices(Assessment a) {
        List<String> out = new ArrayList<>();
        for (luohu.policy.Rule r : a.general()) {
            // a rule about some places of the document is said where the place is one of them, not for the whole area
            if (r.scope().restricted() && r.scope().covers(a.place()) == luohu.policy.Truth.TRUE) out.add("· " + r.title() + "：“" + r.text() + "”" + text.cite(a.document(), r.clauses()));
        }
        return out;
    }

    /** No pathway of the document applies to the place: what the document says about it instead. */
    public String noPathwaysHere(Assessment a) {
        PolicyDocument doc = a.document();
        List<String> parts = new ArrayList<>();
        placeNoticeBlock(a).ifPresent(parts::add);
        parts.add(prompts.say("no_pathways_here", "document", doc.info().citeName(), "place", a.place().name()));
        parts.add(text.source(doc));
        return String.join("\n\n", parts);
    }

    /** Nothing fits and nothing is open. */
    public String noneEligible(Assessment a) {
        PolicyDocument doc = a.document();
        List<String> parts = new ArrayList<>();
        draftNotice(doc).ifPresent(parts::add);
        parts.add(prompts.say("none_eligible", "place", a.place().name()) + "\n" + notEligible(a.with(Status.NOT_ELIGIBLE), doc).strip());
        parts.add(prompts.say("no_pathways_left"));
        parts.add(text.source(doc));
        return String.join("\n\n", parts);
    }

    private String notEligible(List<PathwayOutcome> no, PolicyDocument doc) {
        StringBuilder sb = new StringBuilder("不符合的途径：");
        for (PathwayOutcome o : no) {
            sb.append("\n· ").append(o.pathway().name()).append("：");
            sb.append(o.failures().stream().map(f -> text.failure(doc, f)).collect(Collectors.joining("；")));
        }
        return sb.toString();
    }

    /**
     * For the question about to be asked: the pathway that this one answer would open, said as a conditional
     * ("如果…，您就可以按…申请落户"), so that the applicant sees why it is asked. Null when no pathway waits on it alone.
     */
    public String closePathway(Assessment a, String fact) {
        for (PathwayOutcome o : a.with(Status.UNDETERMINED)) {
            if (o.missing().equals(List.of(fact)) && !o.placeUnknown()) {
                Condition.Leaf leaf = Condition.leavesOf(o.pathway().conditions()).stream()
                        .filter(l -> l.fact().equals(fact)).findFirst().orElse(null);
                String condition = leaf == null ? "符合条件" : expected(leaf);
                String s = prompts.say("close_pathway", "condition", condition, "pathway", o.pathway().name(),
                        "cite", text.cite(a.document(), o.pathway().clauses()));
                String fam = text.family(o, a.document());
                return fam == null ? s : s + fam + "。";
            }
        }
        return null;
    }

    /** A condition as the question's own answer would put it: "房屋所在地（城镇或农村）是“在城镇”". */
    private String expected(Condition.Leaf leaf) {
        String option = leaf.op() == Condition.Op.IS ? questions.optionLabel(leaf.fact(), leaf.operand()) : null;
        return option == null ? text.expected(leaf) : text.factName(leaf.fact()) + "：" + option;
    }

    /** At most three, with "等" for the rest: a long list helps nobody. */
    private static List<String> firstFew(List<String> items) {
        if (items.size() <= 3) return items;
        List<String> out = new ArrayList<>(items.subList(0, 3));
        out.set(2, out.get(2) + "等");
        return out;
    }

    private List<String> missing(PathwayOutcome o) {
        List<String> m = text.missing(o.missing());
        if (o.placeUnknown()) m.add(0, "具体在哪个市、县");
        // open only on a passage with two readings: the local police decide, no answer of the applicant does
        for (Cited r : o.unclear()) m.add("文件原文“" + r.text() + "”可有两种理解，以当地公安机关解释为准");
        return m;
    }

    private static String names(List<PathwayOutcome> os) {
        return os.stream().map(o -> o.pathway().name()).collect(Collectors.joining("、"));
    }

    private java.util.Optional<String> placeNoticeBlock(Assessment a) {
        List<String> notices = placeNotices(a);
        return notices.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(prompts.say("place_notices", "place", a.place().name()) + "\n" + String.join("\n", notices));
    }

    public java.util.Optional<String> draftNotice(PolicyDocument doc) {
        if (!doc.info().draft()) return java.util.Optional.empty();
        return java.util.Optional.of(prompts.say("draft_notice", "document", doc.info().citeName(),
                "status", doc.info().statusNote() == null ? "草稿" : doc.info().statusNote()));
    }

    /** Why a pathway failed, for a single failure (used in corrections and comparisons). */
    public String why(PolicyDocument doc, Failure f) {
        return text.failure(doc, f);
    }
}
