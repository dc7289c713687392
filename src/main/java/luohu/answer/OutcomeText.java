package luohu.answer;

import luohu.policy.Assessment;
import luohu.policy.Condition;
import luohu.policy.Durations;
import luohu.policy.Fact;
import luohu.policy.FactType;
import luohu.policy.FamilyMember;
import luohu.policy.Failure;
import luohu.policy.PathwayOutcome;
import luohu.policy.PolicyDocument;
import luohu.policy.PolicyModel;
import luohu.policy.Registration;
import luohu.policy.Rule;
import luohu.policy.Status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Plain Chinese for the parts of an assessment, each with its citation. Shared by every front end. */
public final class OutcomeText {
    private final PolicyModel model;
    private final boolean compact;
    private final java.util.function.BiFunction<String, Object, String> values;

    /** Citations name the document each time: "（依据：赤政发〔2016〕50号 二（一）1（2））". */
    public OutcomeText(PolicyModel model) {
        this(model, false, (fact, value) -> model.vocabulary().get(fact).label(value));
    }

    private OutcomeText(PolicyModel model, boolean compact, java.util.function.BiFunction<String, Object, String> values) {
        this.model = model;
        this.compact = compact;
        this.values = values;
    }

    /**
     * Citations give the clause only, "（二（一）1（2））", for replies that name the document once.
     *
     * @param values a fact's value in the words users see (a question's option), e.g. "在农村" rather than "是"
     */
    public static OutcomeText compact(PolicyModel model, java.util.function.BiFunction<String, Object, String> values) {
        return new OutcomeText(model, true, values);
    }

    public String cite(PolicyDocument doc, List<String> clauseIds) {
        Set<String> labels = new LinkedHashSet<>();
        for (String c : clauseIds) labels.add(doc.clause(c).label());
        return compact ? "（" + String.join("、", labels) + "）" : "（依据：" + doc.info().shortCite() + " " + String.join("、", labels) + "）";
    }

    /** "依据：《…》（赤政发〔2016〕50号）": the line that names the document under a compact reply. */
    public String source(PolicyDocument doc) {
        return "依据：" + doc.info().citeName() + (doc.info().draft() && doc.info().statusNote() != null ? "（" + doc.info().statusNote() + "）" : "");
    }

    public String cite(PolicyDocument doc, String clauseId) {
        return cite(doc, List.of(clauseId));
    }

    /** Why a pathway is not open: the document's words, the clause, and the gap where there is one. */
    public String failure(PolicyDocument doc, Failure f) {
        Condition.Leaf c = f.condition();
        Fact fact = model.vocabulary().get(c.fact());
        StringBuilder sb = new StringBuilder();
        sb.append("要求“").append(c.says()).append("”").append(cite(doc, c.clause()));
        sb.append("，您的情况是：").append(fact.name()).append("——").append(values.apply(c.fact(), f.actual()));
        if (f.gap() != null && c.op() == Condition.Op.AT_LEAST && f.gap() > 0) {
            sb.append("，还差").append(amount(fact, f.gap()));
        }
        return sb.toString();
    }

    private static String amount(Fact fact, double gap) {
        return fact.type() == FactType.MONTHS ? Durations.months((int) Math.ceil(gap)) : Durations.years(gap);
    }

    /** The facts still needed, in plain words. */
    public List<String> missing(List<String> factIds) {
        List<String> out = new ArrayList<>();
        for (String id : factIds) out.add(model.vocabulary().get(id).name());
        return out;
    }

    /** What a condition asks of a fact, in plain words: "学历：大专（专科、高职）及以上", "备案租住时间：满1年". */
    public String expected(Condition.Leaf l) {
        Fact f = model.vocabulary().get(l.fact());
        String value = switch (l.op()) {
            case IS -> f.label(l.operand());
            case IN -> ((List<?>) l.operand()).stream().map(f::label).collect(java.util.stream.Collectors.joining("或"));
            case NOT_IN -> "不是" + ((List<?>) l.operand()).stream().map(f::label).collect(java.util.stream.Collectors.joining("或"));
            case AT_LEAST -> (f.type() == luohu.policy.FactType.LEVEL ? f.label(l.operand()) + "及以上" : "满" + f.label(l.operand()));
            case BELOW -> (f.type() == luohu.policy.FactType.LEVEL ? "低于" + f.label(l.operand()) : "不满" + f.label(l.operand()));
        };
        return f.name() + "是" + value;
    }

    public String factName(String factId) {
        return model.vocabulary().get(factId).name();
    }

    public List<String> materials(PathwayOutcome o, PolicyDocument doc) {
        List<String> out = new ArrayList<>();
        if (o.pathway().materialsSilent()) {
            out.add("文件没有列明这一途径的申报材料，请向当地公安机关户籍窗口确认。");
            return out;
        }
        int i = 1;
        for (var m : o.pathway().materials()) out.add(i++ + ". " + m.text() + cite(doc, m.clause()));
        return out;
    }

    public String family(PathwayOutcome o, PolicyDocument doc) {
        List<FamilyMember> fam = o.pathway().family();
        if (fam.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        for (FamilyMember f : fam) {
            parts.add(f.terms() == null ? f.relation() : f.relation() + "（" + f.terms() + "）");
            clauses.add(f.clause());
        }
        return "可以一起迁移的人：" + String.join("、", parts) + cite(doc, clauses);
    }

    public List<String> registration(PathwayOutcome o, PolicyDocument doc) {
        List<String> out = new ArrayList<>();
        for (Registration r : o.registration()) {
            String order = r.order().isEmpty() ? "" : r.choice() ? "可任选其一（" + String.join("、", r.order()) + "）："
                    : String.join(" → ", r.order()) + "：";
            out.add("户口登记：" + order + "“" + r.text() + "”" + cite(doc, r.clause()));
        }
        return out;
    }

    /**
     * What the citizen is told where the document allows two readings ({@link PathwayOutcome#readings()}): the
     * reading, on the document's words and clause. Empty when the outcome turns on no such passage.
     */
    public List<String> readings(PathwayOutcome o, PolicyDocument doc) {
        List<String> out = new ArrayList<>();
        for (luohu.policy.Cited r : o.readings()) out.add(reading(r, doc));
        return out;
    }

    /** As {@link #readings(PathwayOutcome, PolicyDocument)}: those about who may come along, or all the others. */
    public List<String> readings(PathwayOutcome o, PolicyDocument doc, boolean family) {
        List<String> out = new ArrayList<>();
        for (luohu.policy.Cited r : o.readings()) if (r.family() == family) out.add(reading(r, doc));
        return out;
    }

    private String reading(luohu.policy.Cited r, PolicyDocument doc) {
        return "提示：" + r.reading() + "（原文“" + r.text() + "”" + cite(doc, r.clause()) + "）";
    }

    public String crossProvince(PathwayOutcome o, PolicyDocument doc) {
        return o.pathway().crossProvince() == null ? null : "可申请跨省通办" + cite(doc, o.pathway().crossProvince());
    }

    /** The document's status line: a draft is said to be one. */
    public String status(PolicyDocument doc) {
        var info = doc.info();
        StringBuilder sb = new StringBuilder(info.citeName());
        if (info.draft()) {
            sb.append("目前是").append(info.statusNote() == null ? "草稿" : "“" + info.statusNote() + "”")
                    .append("，尚未正式定稿，请以正式发布的文件为准");
        } else if (info.effective() != null) {
            sb.append("自").append(info.effective()).append("起执行");
        }
        return sb.toString();
    }

    /** The whole assessment, for the {@code assess} command and the front desk. */
    public String full(Assessment a) {
        PolicyDocument doc = a.document();
        StringBuilder sb = new StringBuilder();
        sb.append("地点：").append(a.place().name()).append("\n");
        sb.append("文件：").append(status(doc)).append("\n");
        for (Status s : List.of(Status.ELIGIBLE, Status.UNDETERMINED, Status.NOT_ELIGIBLE, Status.NOT_APPLICABLE)) {
            List<PathwayOutcome> os = a.with(s);
            if (os.isEmpty()) continue;
            sb.append("\n").append(heading(s)).append("\n");
            for (PathwayOutcome o : os) sb.append(pathway(o, doc));
        }
        if (!a.rules().isEmpty()) {
            sb.append("\n与您情况相关的规定\n");
            for (Rule r : a.rules()) sb.append("· ").append(r.title()).append("：“").append(r.text()).append("”").append(cite(doc, r.clauses())).append("\n");
        }
        return sb.toString();
    }

    private static String heading(Status s) {
        return switch (s) {
            case ELIGIBLE -> "【符合条件的落户途径】";
            case UNDETERMINED -> "【还需确认的途径】";
            case NOT_ELIGIBLE -> "【不符合的途径】";
            case NOT_APPLICABLE -> "【不适用于该地的途径】";
        };
    }

    /** One pathway's block: name and citation, then what its status calls for. */
    public String pathway(PathwayOutcome o, PolicyDocument doc) {
        StringBuilder sb = new StringBuilder("■ ").append(o.pathway().name()).append(cite(doc, o.pathway().clauses())).append("\n");
        switch (o.status()) {
            case ELIGIBLE -> {
                sb.append("  申报材料：\n");
                for (String m : materials(o, doc)) sb.append("    ").append(m).append("\n");
                String fam = family(o, doc);
                if (fam != null) sb.append("  ").append(fam).append("\n");
                for (String r : registration(o, doc)) sb.append("  ").append(r).append("\n");
                String cross = crossProvince(o, doc);
                if (cross != null) sb.append("  ").append(cross).append("\n");
                for (String r : readings(o, doc)) sb.append("  ").append(r).append("\n");
            }
            case NOT_ELIGIBLE -> {
                for (Failure f : o.failures()) sb.append("  不符合：").append(failure(doc, f)).append("\n");
            }
            case UNDETERMINED -> {
                List<String> need = missing(o.missing());
                if (o.placeUnknown()) need.add(0, "具体在哪个市、县");
                if (!need.isEmpty()) sb.append("  还需要知道：").append(String.join("；", need)).append("\n");
                for (String r : readings(o, doc)) sb.append("  ").append(r).append("\n");
            }
            case NOT_APPLICABLE -> sb.append("  该途径不适用于").append("所选地点").append("\n");
        }
        return sb.toString();
    }
}
