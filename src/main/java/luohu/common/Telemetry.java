package luohu.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's metrics (Micrometer): every part records into the global registry, and {@link #prometheus()} adds
 * the registry that /metrics renders. Meters carry counts and times only: never a chat, a text or a token.
 */
public final class Telemetry {
    private static PrometheusMeterRegistry prometheus;

    private Telemetry() {
    }

    public static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    /** The Prometheus registry, added to the global one on first use (meters made before it are added too). */
    public static synchronized PrometheusMeterRegistry prometheus() {
        if (prometheus == null) {
            prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Metrics.addRegistry(prometheus);
        }
        return prometheus;
    }

    /** Counts an error of a part ({@code where}: turn, store, telegram_update, telegram_send, web). */
    public static void error(String where) {
        registry().counter("luohu.errors", "where", where).increment();
    }
}
