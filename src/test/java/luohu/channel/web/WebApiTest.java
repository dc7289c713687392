package luohu.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import luohu.Assistant;
import luohu.TestAssistants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static luohu.channel.web.WebClient.json;
import static luohu.channel.web.WebClient.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API over real HTTP, against a server on a free port. */
class WebApiTest {
    private static Assistant assistant;
    private static WebServer server;
    private static WebClient client;

    @BeforeAll
    static void start() {
        assistant = TestAssistants.fresh();
        server = new WebServer(assistant, null).start("127.0.0.1", 0);
        client = new WebClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        assistant.close();
    }

    @Test
    void placesListEveryDocumentWithItsStatusAndPlaces() {
        HttpResponse<String> r = client.get("/api/places");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode docs = json(r).get("documents");
        assertEquals(luohu.TestPaths.documentIds().size(), docs.size());
        JsonNode erl = find(docs, "id", "erlianhaote");
        assertEquals("draft", erl.get("status").asText());
        assertEquals("审议稿", erl.get("status_note").asText());
        assertEquals("二连浩特市", erl.get("places").get(0).get("name").asText());
        JsonNode cf = find(docs, "id", "chifeng");
        assertEquals("赤政发〔2016〕50号", cf.get("number").asText());
        assertTrue(names(cf.get("places"), "name").contains("宁城县"));
    }

    /** Errors the page can show a clerk start in Chinese (the technical detail follows in brackets). */
    @Test
    void errorsAClerkCanSeeAreInChinese() {
        List<HttpResponse<String>> seen = List.of(
                client.post("/api/assess", "{\"place\": \"北京\"}"),
                client.post("/api/chat", "{\"chat\": \"zh\", \"text\": \"" + "长".repeat(ChatApi.MAX_TEXT + 1) + "\"}"),
                client.post("/api/chat", "{\"chat\": \"zh\", \"text\": \"   \"}"),
                client.get("/api/clauses/no-such-clause"),
                client.get("/api/clauses?q="),
                client.get("/no-such-page"),
                client.post("/api/chat", "{\"chat\": \"big\", \"text\": \"" + "长".repeat(40_000) + "\"}"));
        for (HttpResponse<String> r : seen) {
            String error = json(r).get("error").asText();
            assertTrue(Character.UnicodeScript.of(error.codePointAt(0)) == Character.UnicodeScript.HAN, r.statusCode() + " " + error);
        }
    }

    /** A yes/no fact whose name names two places is offered as its question's answers, not as 是/否. */
    @Test
    void yesNoFactsCarryTheWordsOfTheirAnswers() {
        JsonNode facts = json(client.get("/api/facts")).get("facts");
        JsonNode rural = find(facts, "id", "home_in_rural_area");
        assertEquals("在农村", rural.get("labels").get("true").asText());
        assertEquals("在城镇", rural.get("labels").get("false").asText());
        for (JsonNode f : facts) {
            if (!f.get("type").asText().equals("bool")) continue;
            assertTrue(f.has("labels") && !f.get("labels").get("true").asText().equals(f.get("labels").get("false").asText()), f.toString());
        }
    }

    @Test
    void factsCarryTypeValuesUnitQuestionAndTheDocumentsThatUseThem() {
        JsonNode facts = json(client.get("/api/facts")).get("facts");
        JsonNode housing = find(facts, "id", "housing");
        assertEquals("choice", housing.get("type").asText());
        assertEquals("住房", housing.get("name").asText());
        assertTrue(names(housing.get("values"), "id").containsAll(List.of("own", "rent", "public_rental")));
        assertFalse(housing.get("question").asText().isBlank());
        assertTrue(names(housing.get("documents")).containsAll(List.of("chifeng", "erlianhaote", "liaocheng", "tieling", "xinjiang")),
                housing.get("documents").toString());
        JsonNode lease = find(facts, "id", "lease_months");
        assertEquals("months", lease.get("type").asText());
        assertEquals("个月", lease.get("unit").asText());
        assertEquals("years", find(facts, "id", "graduation_years").get("type").asText());
        assertEquals("年", find(facts, "id", "graduation_years").get("unit").asText());
        assertEquals("bool", find(facts, "id", "lease_registered").get("type").asText());
        assertEquals("level", find(facts, "id", "education").get("type").asText());
    }

    @Test
    void anEligiblePathwayComesWithItsMaterialsVerbatimAndCitations() {
        JsonNode a = assess("{\"place\": \"二连浩特\", \"facts\": {\"housing\": \"own\"}}");
        assertEquals("二连浩特市", a.get("place").asText());
        assertEquals("draft", a.get("document").get("status").asText());
        JsonNode p = find(a.get("pathways"), "id", "erl-own-home");
        assertEquals("eligible", p.get("status").asText());
        assertEquals("房屋所有权证明或房地产管理部门备案的商品房买卖合同（网签合同）或不动产电子证",
                p.get("materials").get(0).get("text").asText());
        assertEquals("erl-1-2-1", p.get("materials").get(0).get("clause").get("id").asText());
        assertTrue(p.get("clauses").get(0).get("citation").asText().contains("一（二）1"));
        assertEquals("随迁人员", p.get("family").get(0).get("relation").asText());
    }

    @Test
    void aPathwayNotOpenSaysWhyWithTheClauseAndTheGap() {
        JsonNode a = assess("{\"place\": \"赤峰\", \"facts\": {\"housing\": \"rent\", \"lease_registered\": true, \"lease_months\": 8}}");
        JsonNode business = find(a.get("pathways"), "id", "cf-business");
        assertEquals("not_eligible", business.get("status").asText());
        List<String> why = names(business.get("failures"), "explanation");
        assertTrue(why.stream().anyMatch(s -> s.contains("还差4个月") && s.contains("赤政发〔2016〕50号")), why.toString());
        assertEquals("cf-2-1-1", business.get("failures").get(1).get("clause").get("id").asText());
    }

    @Test
    void anOpenPathwaySaysWhatIsMissing() {
        JsonNode a = assess("{\"place\": \"二连浩特市\", \"facts\": {}}");
        JsonNode p = find(a.get("pathways"), "id", "erl-own-home");
        assertEquals("undetermined", p.get("status").asText());
        assertEquals("housing", p.get("missing").get(0).asText());
        assertEquals("住房", p.get("missing_facts").get(0).get("name").asText());
        // facts may be left out or given as null: both mean unknown
        assertEquals("undetermined", find(assess("{\"place\": \"二连浩特市\", \"facts\": {\"housing\": null}}").get("pathways"),
                "id", "erl-own-home").get("status").asText());
        assertEquals("undetermined", find(assess("{\"place\": \"二连浩特市\"}").get("pathways"), "id", "erl-own-home").get("status").asText());
    }

    @Test
    void badAssessRequestsGet400WithWhatIsAccepted() {
        badRequest("/api/assess", "{\"place\": \"北京\", \"facts\": {}}", "unknown place \"北京\"; places covered: 赤峰市");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"facts\": {\"yacht\": true}}", "unknown fact \"yacht\"; known facts: housing");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"facts\": {\"housing\": \"yacht\"}}", "housing takes one of own, rent");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"facts\": {\"lease_months\": -3}}", "lease_months takes a whole number of months");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"facts\": {\"lease_months\": 1.5}}", "whole number of months");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"facts\": {\"lease_months\": 1e400}}", "lease_months takes a number from 0 to 1200");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"facts\": {\"graduation_years\": 99999999999999999999}}", "from 0 to 150");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"facts\": {\"lease_registered\": \"maybe\"}}", "lease_registered takes true or false");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"facts\": [1, 2]}", "\"facts\" must be a JSON object");
        badRequest("/api/assess", "{\"facts\": {}}", "\"place\" is missing");
        badRequest("/api/assess", "{\"place\": 7}", "\"place\" must be a string");
        badRequest("/api/assess", "{\"place\": \"赤峰\", \"fact\": {}}", "unknown field \"fact\"");
        badRequest("/api/assess", "{\"place\": \"赤峰\"", "not valid JSON");
        badRequest("/api/assess", "{\"place\": \"赤峰\"} trailing", "not valid JSON");
        badRequest("/api/assess", "[\"赤峰\"]", "expected a JSON object");
        badRequest("/api/assess", "", "the request body is empty");
    }

    @Test
    void unknownRoutesAndMethodsGetJsonErrors() {
        HttpResponse<String> r = client.get("/api/nothing");
        assertEquals(404, r.statusCode());
        assertTrue(json(r).get("error").asText().contains("GET /api/places"), r.body());
        r = client.get("/no-such-page.html");
        assertEquals(404, r.statusCode());
        assertTrue(json(r).has("error"));
        r = client.method("DELETE", "/api/places");
        assertEquals(405, r.statusCode());
        assertTrue(json(r).get("error").asText().contains("not allowed"), r.body());
        // a request Jetty cannot read gets JSON too, not an HTML page
        String raw = raw("GET /api/clauses/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        assertTrue(raw.contains("application/json") && raw.contains("{\"error\":"), raw);
        assertNoStackTrace(raw);
    }

    /** Sends bytes as they are, for requests an HTTP client would refuse to make. */
    private static String raw(String request) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anOversizedBodyIsRefused() {
        String big = "{\"chat\": \"big\", \"text\": \"" + "长".repeat(40_000) + "\"}";
        HttpResponse<String> r = client.post("/api/chat", big);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(json(r).has("error"));
    }

    @Test
    void aChunkedBodyIsHeldToTheLimitOnTheBytesRead() {
        byte[] big = ("{\"chat\": \"big\", \"text\": \"" + "长".repeat(1_000_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = client.postChunked("/api/chat", big);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(json(r).has("error"));
        byte[] small = "{\"chat\": \"chunked-ok\", \"text\": \"你好\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, client.postChunked("/api/chat", small).statusCode(), "a small chunked body is read as usual");
    }

    @Test
    void chatTalksWithTheConversationEngine() {
        JsonNode r = json(ok(client.post("/api/chat", "{\"chat\": \"api-test-1\", \"text\": \"我在赤峰租房，想落户\"}")));
        assertEquals("api-test-1", r.get("chat").asText());
        assertTrue(r.get("reply").asText().contains("赤峰"), r.toString());
        assertTrue(r.get("options").isArray() && r.get("options").size() > 0, r.toString());
        // the same chat goes on: the place is remembered
        JsonNode next = json(ok(client.post("/api/chat", "{\"chat\": \"api-test-1\", \"text\": \"" + r.get("options").get(0).asText() + "\"}")));
        assertFalse(next.get("reply").asText().isBlank());
        JsonNode forgot = json(ok(client.post("/api/chat/forget", "{\"chat\": \"api-test-1\"}")));
        assertFalse(forgot.get("reply").asText().isBlank());
        badRequest("/api/chat", "{\"chat\": \"a b\", \"text\": \"你好\"}", "\"chat\" must be 1 to 64 letters");
        badRequest("/api/chat", "{\"chat\": \"x\"}", "\"text\" is missing");
        badRequest("/api/chat", "{\"chat\": \"x\", \"text\": \"  \"}", "\"text\" is empty");
        badRequest("/api/chat", "{\"chat\": \"x\", \"text\": \"" + "字".repeat(2001) + "\"}", "too long");
    }

    @Test
    void clausesAreFoundBySegmentedWordsWithTextAndCitation() {
        JsonNode r = json(ok(client.get("/api/clauses?q=" + q("租房落户"))));
        assertEquals(List.of("租房", "落户"), names(r.get("words")));
        JsonNode first = r.get("results").get(0);
        assertEquals(2, first.get("matched").size(), first.toString());
        assertFalse(first.get("text").asText().isBlank());
        assertTrue(first.get("citation").asText().contains(first.get("label").asText()));
        // a place in the query narrows the search to its document
        JsonNode cf = json(ok(client.get("/api/clauses?q=" + q("赤峰 居住证"))));
        assertEquals(List.of("chifeng"), names(cf.get("documents")));
        assertTrue(cf.get("results").size() > 0);
        for (JsonNode h : cf.get("results")) assertEquals("chifeng", h.get("document").get("id").asText());
        // the document parameter does the same
        JsonNode xj = json(ok(client.get("/api/clauses?q=" + q("南疆") + "&document=xinjiang&limit=3")));
        assertTrue(xj.get("results").size() > 0 && xj.get("results").size() <= 3);
        // one clause by id
        JsonNode one = json(ok(client.get("/api/clauses/erl-1-2-1")));
        assertEquals("一（二）1", one.get("label").asText());
        assertTrue(one.get("text").asText().contains("房屋所有权证明"));
        HttpResponse<String> missing = client.get("/api/clauses/nope-1");
        assertEquals(404, missing.statusCode());
        assertTrue(json(missing).get("error").asText().contains("no clause"));
        for (String bad : List.of("/api/clauses", "/api/clauses?q=", "/api/clauses?q=x&limit=0", "/api/clauses?q=x&limit=many",
                "/api/clauses?q=x&document=beijing")) {
            HttpResponse<String> b = client.get(bad);
            assertEquals(400, b.statusCode(), bad);
            assertTrue(json(b).has("error"), bad);
        }
    }

    @Test
    void thePageAndItsPrintViewAreServed() {
        HttpResponse<String> page = ok(client.get("/"));
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("落户助手"));
        assertTrue(ok(client.get("/print.html")).body().contains("落户申报材料清单"));
        assertTrue(ok(client.get("/app.js")).body().contains("/api/assess"));
        assertTrue(ok(client.get("/print.css")).body().contains("size: A4"));
    }

    private static JsonNode assess(String body) {
        return json(ok(client.post("/api/assess", body)));
    }

    static HttpResponse<String> ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private static void badRequest(String path, String body, String expected) {
        HttpResponse<String> r = client.post(path, body);
        assertEquals(400, r.statusCode(), body + " -> " + r.body());
        String error = json(r).get("error").asText();
        assertTrue(error.contains(expected), "expected \"" + expected + "\" in: " + error);
        assertNoStackTrace(r.body());
    }

    static void assertNoStackTrace(String body) {
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("at luohu.") || body.contains("at io.javalin"), body);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (value.equals(n.path(field).asText())) return n;
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.path(field).asText());
        return out;
    }

    static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }
}
