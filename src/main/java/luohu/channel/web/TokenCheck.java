package luohu.channel.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
    static final String MESSAGE = "需要访问令牌：请用管理员给的带令牌的链接（…/?token=…）打开本页。(a valid access token is required: "
            + "send the header \"Authorization: Bearer <LUOHU_WEB_TOKEN>\" or open the page with ?token=<LUOHU_WEB_TOKEN>)";

    /** The shortest token accepted. */
    static final int MIN_LENGTH = 16;
    static final String SLOW_DOWN = "访问令牌错误次数过多，请稍后再试。(too many wrong tokens from this address; try again later)";

    private final byte[] token;
    private final String cookieValue;
    private final ClientLimits clients;

    /**
     * @param token the token, or null (or blank) when none is required
     * @throws IllegalArgumentException when the token is shorter than {@link #MIN_LENGTH}
     */
    TokenCheck(String token, ClientLimits clients) {
        if (token != null && !token.isBlank() && token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the access token must be at least " + MIN_LENGTH + " characters");
        }
        this.clients = clients;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.cookieValue = this.token == null ? null : "v1." + digest(this.token);
    }

    boolean required() {
        return token != null;
    }

    /** @throws UnauthorizedResponse when a token is required and the request carries no valid one */
    void check(Context ctx) {
        if (token == null) return;
        String client = ctx.ip();
        if (!clients.mayTryToken(client)) throw new HttpResponseException(429, SLOW_DOWN);
        boolean presented = false;
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (same(auth.substring(7).strip())) return;
            presented = true;
        }
        String query = ctx.queryParam("token");
        if (query != null) {
            if (same(query)) {
                String header = COOKIE + "=" + cookieValue + "; Path=/; HttpOnly; SameSite=Strict";
                if (!ctx.res().getHeaders("Set-Cookie").contains(header)) ctx.res().addHeader("Set-Cookie", header);
                return;
            }
            presented = true;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null) {
            if (MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), cookieValue.getBytes(StandardCharsets.UTF_8))) return;
            presented = true;
        }
        if (presented) clients.wrongToken(client);
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
