package luohu.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import luohu.AskReport;
import luohu.store.SqliteAskCounters;
import luohu.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code luohu report}: what citizens asked, per document and week, from the counters in the data folder's database.
 * Reads only counters (no conversation), so it runs beside a bot using the same folder.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "What citizens asked, per document and ISO week: asks by kind and pathway, share answered, topics the "
                + "document is silent on, fallbacks by kind, pre-check codes issued and opened. Counters only.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (default: $LUOHU_DATA, else ./data).")
    Path data;

    @Option(names = "--json", description = "Write the report as JSON.")
    boolean json;

    @Option(names = "--store", paramLabel = "URL",
            description = "Read the counters of this store instead: sqlite:<file> or postgresql://user@host:5432/database (default: $LUOHU_STORE, else the data folder's database).")
    String store;

    @Override
    public Integer call() throws Exception {
        Path dir = PolicyOption.orEnv(data, "LUOHU_DATA");
        Path file = (dir == null ? Path.of("data") : dir).resolve(SqliteStore.FILE);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String named = store != null ? store : System.getenv("LUOHU_STORE");
        if (named != null && !named.isBlank()) {
            luohu.store.StoreUrl url = luohu.store.StoreUrl.parse(named, System.getenv("PGPASSWORD"));
            if (url.kind() == luohu.store.StoreUrl.Kind.POSTGRESQL) {
                List<AskReport.Week> weeks = AskReport.of(luohu.store.PostgresStore.counters(url));
                out.println(json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(weeks) : AskReport.text(weeks));
                return 0;
            }
            if (url.kind() == luohu.store.StoreUrl.Kind.SQLITE) file = url.file();
        }
        if (!Files.exists(file)) {
            System.err.println("luohu: no database at " + file + ": nothing has been counted there (use --data DIR)");
            return 2;
        }
        List<AskReport.Week> weeks;
        try (SqliteAskCounters counters = SqliteAskCounters.open(file)) {
            weeks = AskReport.of(counters.all());
        }
        out.println(json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(weeks) : AskReport.text(weeks));
        return 0;
    }
}
