package luohu.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a multipart/form-data body as the Bot API gets it for sendDocument: text fields and one file. */
final class Multipart {
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    record Part(String name, String fileName, byte[] content) {
    }

    private Multipart() {
    }

    /** The text fields, as a JSON object. */
    static ObjectNode fields(byte[] body, String contentType) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        for (Part p : parts(body, contentType)) if (p.fileName() == null) o.put(p.name(), new String(p.content(), StandardCharsets.UTF_8));
        return o;
    }

    /** The file sent under {@code name} (or, as the Bot API allows, a field naming it "attach://<part>"), or null. */
    static Part file(byte[] body, String contentType, String field) {
        String name = field.startsWith("attach://") ? field.substring("attach://".length()) : field;
        return parts(body, contentType).stream().filter(p -> p.name().equals(name) && p.fileName() != null).findFirst().orElse(null);
    }

    static List<Part> parts(byte[] body, String contentType) {
        String boundary = null;
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.startsWith("boundary=")) boundary = p.substring("boundary=".length()).replace("\"", "");
        }
        if (boundary == null) throw new IllegalArgumentException("no boundary in " + contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> out = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') break; // the closing delimiter
            start += 2; // CRLF
            int next = indexOf(body, delimiter, start);
            if (next < 0) break;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2); // the CRLF before the delimiter
            Matcher n = NAME.matcher(headers);
            Matcher f = FILE_NAME.matcher(headers);
            out.add(new Part(n.find() ? n.group(1) : "", f.find() ? f.group(1) : null, content));
            at = next;
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
