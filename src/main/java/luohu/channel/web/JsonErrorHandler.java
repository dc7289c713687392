package luohu.channel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Errors that Jetty answers itself, before a request reaches Javalin (a malformed URI or header, say): JSON like
 * every other error, with the status's reason only, never the request's content or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return BufferUtil.toBuffer(body(status), StandardCharsets.UTF_8);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(response.getStatus()));
    }

    private static String body(int status) {
        String reason = HttpStatus.getMessage(status);
        try {
            return JsonBody.JSON.writeValueAsString(Map.of("error", "请求无法读取。(the request could not be read (" + status + " " + reason
                    + "); check its address, headers and encoding)"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{\"error\": \"bad request\"}";
        }
    }
}
