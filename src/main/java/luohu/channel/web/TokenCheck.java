package luohu.channel.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The access token (LUOHU_WEB_TOKEN): when set, every request must carry it, as {@code Authorization: Bearer …},
 * as {@code ?token=…} (for opening the page), or in the cookie the server sets after a page was opened with it, so
 * that the page's own styles, scripts and API calls need not repeat it. The cookie holds a digest, not the token.
 */
final class TokenCheck {
    static final String COOKIE = "luohu_token";
    static final String MESSAGE = "a valid access token is required: send the header \"Authorization: Bearer <LUOHU_WEB_TOKEN>\""
            + " or open the page with ?token=<LUOHU_WEB_TOKEN>";

    private final byte[] token;
    private final String cookieValue;

    /** @param token the token, or null (or blank) when none is required */
    TokenCheck(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.cookieValue = this.token == null ? null : "v1." + digest(this.token);
    }

    boolean required() {
        return token != null;
    }

    /** @throws UnauthorizedResponse when a token is required and the request carries no valid one */
    void check(Context ctx) {
        if (token == null) return;
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && same(auth.substring(7).strip())) return;
        String query = ctx.queryParam("token");
        if (query != null && same(query)) {
            String header = COOKIE + "=" + cookieValue + "; Path=/; HttpOnly; SameSite=Strict";
            if (!ctx.res().getHeaders("Set-Cookie").contains(header)) ctx.res().addHeader("Set-Cookie", header);
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), cookieValue.getBytes(StandardCharsets.UTF_8))) return;
        throw new UnauthorizedResponse(MESSAGE);
    }

    private boolean same(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token);
    }

    private static String digest(byte[] token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("luohu-web-cookie:".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(token));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
