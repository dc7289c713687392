package luohu.channel.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/** Reads a request body that must be one JSON object; anything else is a 400 that says what is expected. */
final class JsonBody {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {
    }

    /** @param shape an example of the expected object, quoted in error messages */
    static ObjectNode object(Context ctx, String shape) {
        String body = body(ctx);
        if (body == null || body.isBlank()) throw new BadRequestResponse("the request body is empty; expected a JSON object like " + shape);
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new BadRequestResponse("the request body is not valid JSON" + where + "; expected a JSON object like " + shape);
        }
        if (!(node instanceof ObjectNode o)) throw new BadRequestResponse("expected a JSON object like " + shape);
        return o;
    }

    /**
     * The body as text, reading at most {@link WebServer#MAX_BODY_BYTES}: the limit holds on the bytes read, whatever
     * the Content-Length says or whether there is one (chunked uploads).
     *
     * @throws HttpResponseException 413 when the body is longer
     */
    static String body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > WebServer.MAX_BODY_BYTES) throw tooLarge();
        try (java.io.InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) WebServer.MAX_BODY_BYTES + 1);
            if (bytes.length > WebServer.MAX_BODY_BYTES) throw tooLarge();
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new BadRequestResponse("the request body could not be read");
        }
    }

    private static HttpResponseException tooLarge() {
        return new HttpResponseException(413, "提交的内容太大（超过" + WebServer.MAX_BODY_BYTES / 1024 + " KiB）。(the request body is larger than " + WebServer.MAX_BODY_BYTES / 1024 + " KiB)");
    }

    /** A string field; null when absent and not required. */
    static String text(ObjectNode o, String field, boolean required, String shape) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new BadRequestResponse("\"" + field + "\" is missing; expected a JSON object like " + shape);
            return null;
        }
        if (!v.isTextual()) throw new BadRequestResponse("\"" + field + "\" must be a string; expected a JSON object like " + shape);
        return v.asText();
    }
}
