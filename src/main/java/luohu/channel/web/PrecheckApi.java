package luohu.channel.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import luohu.Assistant;
import luohu.AskTally;
import luohu.Precheck;
import luohu.answer.AssessmentJson;
import luohu.answer.PrecheckSheet;
import luohu.policy.Assessment;
import luohu.policy.Excluded;
import luohu.policy.PathwayOutcome;
import luohu.policy.Place;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyModel;
import luohu.store.PrecheckCodes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /api/precheck {code}: what a pre-check code shares — the place, the facts as the applicant stated them, the
 * chosen pathway and its checklist — for the window to load into the assessment form and check. Wrong codes are
 * limited per client ({@link CodeGuesses}); the code is never logged.
 */
final class PrecheckApi {
    static final String SHAPE = "{\"code\": \"ABCD-2345-XY\"}";
    static final String NOT_FOUND = "没有找到这个预审码：可能输错了、已过期或已被申请人删除。请核对后重新输入。";
    static final String TOO_MANY = "预审码输错次数太多，请一分钟后再试。";
    static final String STATED = "申请人自述，待核验";
    private final Assistant assistant;
    private final CodeGuesses guesses;
    private final luohu.print.SheetPdf pdf;

    PrecheckApi(Assistant assistant, CodeGuesses guesses, luohu.print.SheetPdf pdf) {
        this.assistant = assistant;
        this.guesses = guesses;
        this.pdf = pdf;
    }

    void open(Context ctx) {
        ctx.json(json(entry(ctx)));
    }

    /** POST /api/precheck/pdf {code}: the sheet as the citizen got it, as a one-page A4 PDF; 503 without a CJK font. */
    void pdf(Context ctx) {
        PrecheckCodes.Entry e = entry(ctx);
        luohu.answer.Prompts p = assistant.machine().prompts();
        byte[] bytes = pdf.render(sheet(e), "", List.of(p.say("precheck_pdf_date", "date", Precheck.date(e.issued())), STATED))
                .orElseThrow(() -> new HttpResponseException(503, "服务器上没有中文字体，无法生成PDF；请使用“打印”。(no CJK font: install fonts-noto-cjk or set LUOHU_PDF_FONT)"));
        ctx.contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"precheck.pdf\"").result(bytes);
    }

    /** The code's snapshot, or an error: 429 while the client is out of tries, 404 for a wrong code. */
    PrecheckCodes.Entry entry(Context ctx) {
        ObjectNode body = JsonBody.object(ctx, SHAPE);
        String code = JsonBody.text(body, "code", true, SHAPE);
        String client = ctx.ip();
        if (!guesses.mayTry(client)) throw new HttpResponseException(429, TOO_MANY);
        PrecheckCodes.Entry e = assistant.precheck().open(code).orElse(null);
        PolicyModel model = assistant.model();
        if (e == null || e.place() == null || model.place(e.place()).isEmpty()) {
            guesses.wrong(client);
            throw new HttpResponseException(404, NOT_FOUND);
        }
        assistant.tally().opened(AskTally.documentOf(model, e.place()));
        return e;
    }

    /** The sheet of a code's snapshot, as the citizen got it (for the PDF). */
    PrecheckSheet sheet(PrecheckCodes.Entry e) {
        return assistant.machine().sheets().build(e.place(), e.facts(), List.of(), e.pathway()).orElseThrow(() -> new HttpResponseException(404, NOT_FOUND));
    }

    private Map<String, Object> json(PrecheckCodes.Entry e) {
        PolicyModel model = assistant.model();
        Place place = model.place(e.place()).orElseThrow();
        Assessment a = new PolicyEngine(model).assess(place, e.facts());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code_date", Precheck.date(e.issued()).toString());
        out.put("expires", Precheck.date(e.expires()).toString());
        out.put("note", STATED);
        out.put("place", place.name());
        out.put("document", CatalogApi.documentInfo(a.document()));
        // the form takes stated values; values only ruled out ("不是租的") are listed in words
        Map<String, Object> facts = new LinkedHashMap<>();
        e.facts().asMap().forEach((k, v) -> {
            if (!(v instanceof Excluded)) facts.put(k, v);
        });
        out.put("facts", facts);
        out.put("fact_lines", assistant.machine().sheets().factLines(e.facts()).stream().map(l -> l.replaceFirst("^· ", "")).toList());
        PathwayOutcome chosen = e.pathway() == null ? null : a.outcomes().stream().filter(o -> o.pathway().id().equals(e.pathway())).findFirst().orElse(null);
        out.put("pathway", chosen == null ? null : chosen.pathway().id());
        out.put("pathway_name", chosen == null ? null : chosen.pathway().name());
        out.put("status", chosen == null ? null : chosen.status().id);
        out.put("checklist", chosen == null ? List.of() : chosen.pathway().materials().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("text", m.text());
            item.put("clause", AssessmentJson.clause(a.document(), m.clause()));
            return item;
        }).toList());
        out.put("materials_silent", chosen != null && chosen.pathway().materialsSilent());
        return out;
    }
}
