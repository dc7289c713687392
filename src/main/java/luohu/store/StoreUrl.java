package luohu.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where conversations are kept, as given to {@code --store}: {@code sqlite:<file>}, {@code memory:}, or
 * {@code postgresql://user[:password]@host[:port]/database[?parameters]}. The password is better given in
 * PGPASSWORD than in the URL; {@link #display()} never shows it.
 */
public record StoreUrl(Kind kind, Path file, String jdbcUrl, String user, String password, String display) {
    public enum Kind { SQLITE, MEMORY, POSTGRESQL }

    /** @throws IllegalArgumentException in one line saying what is accepted */
    public static StoreUrl parse(String value, String pgPassword) {
        String v = value == null ? "" : value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("memory:")) return new StoreUrl(Kind.MEMORY, null, null, null, null, "memory:");
        if (lower.startsWith("sqlite:")) {
            String f = v.substring("sqlite:".length());
            if (f.isBlank()) throw new IllegalArgumentException("--store sqlite: needs a file, e.g. sqlite:data/luohu.db");
            Path file = Path.of(f);
            return new StoreUrl(Kind.SQLITE, file, null, null, null, "sqlite:" + file);
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            URI uri;
            try {
                uri = URI.create(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--store: not a URL: expected postgresql://user@host:5432/database");
            }
            String db = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
            if (uri.getHost() == null || db.isEmpty() || db.contains("/")) {
                throw new IllegalArgumentException("--store: expected postgresql://user@host:5432/database");
            }
            String user = null, password = pgPassword == null || pgPassword.isEmpty() ? null : pgPassword;
            if (uri.getRawUserInfo() != null) {
                String[] ui = uri.getRawUserInfo().split(":", 2);
                user = decode(ui[0]);
                if (ui.length > 1) password = decode(ui[1]);
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String hostPort = (uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost()) + ":" + port;
            String jdbc = "jdbc:postgresql://" + hostPort + "/" + db + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String display = "postgresql://" + (user == null ? "" : user + "@") + hostPort + "/" + db;
            return new StoreUrl(Kind.POSTGRESQL, null, jdbc, user, password, display);
        }
        // the value is not repeated: it might hold a password
        throw new IllegalArgumentException("--store must be sqlite:<file>, memory: or postgresql://user@host:5432/database");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return display;
    }
}
