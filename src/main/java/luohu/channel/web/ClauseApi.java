package luohu.channel.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/clauses?q=words[&document=id][&limit=n]: the clauses that contain the words, best first.
 * GET /api/clauses/{id}: one clause.
 */
final class ClauseApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_QUERY = 200;

    private final ClauseIndex index;

    ClauseApi(ClauseIndex index) {
        this.index = index;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) throw new BadRequestResponse("请输入要检索的词。(q is missing: give the words to look for, e.g. /api/clauses?q=租房 落户)");
        if (q.length() > MAX_QUERY) throw new BadRequestResponse("检索词太长：最多" + MAX_QUERY + "个字。(q is too long: at most " + MAX_QUERY + " characters)");
        String document = ctx.queryParam("document");
        if (document != null && document.isBlank()) document = null;
        if (document != null && index.documentIds().stream().noneMatch(document::equals)) {
            throw new BadRequestResponse("unknown document \"" + AssessApi.shorten(document) + "\"; documents: " + String.join(", ", index.documentIds()));
        }
        int limit = limit(ctx.queryParam("limit"));
        ClauseIndex.Result r = index.search(q, document, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q);
        out.put("words", r.words());
        out.put("documents", r.documents());
        out.put("results", r.hits().stream().map(ClauseApi::hit).toList());
        ctx.json(out);
    }

    void clause(Context ctx) {
        String id = ctx.pathParam("id");
        ClauseIndex.Hit h = index.clause(id).orElseThrow(() -> new NotFoundResponse("没有这一条款。(no clause \"" + AssessApi.shorten(id)
                + "\"; clause ids look like cf-2-1-1-2; search with /api/clauses?q=…)"));
        ctx.json(hit(h));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new BadRequestResponse("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Map<String, Object> hit(ClauseIndex.Hit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.clause().id());
        m.put("document", CatalogApi.documentInfo(h.document()));
        m.put("label", h.clause().label());
        m.put("heading", h.clause().heading());
        m.put("text", h.clause().text());
        m.put("citation", h.document().cite(h.clause().id()));
        m.put("matched", h.matched());
        m.put("score", Math.round(h.score() * 1000) / 1000.0);
        return m;
    }
}
