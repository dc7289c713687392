package luohu.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own so that start-up can do several slow things at once on a small host;
 * {@link #join()} returns its result or throws its failure exactly as the work threw it.
 */
public final class Background<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Background() {
    }

    public static <T> Background<T> start(String name, Supplier<T> work) {
        Background<T> b = new Background<>();
        Thread t = new Thread(() -> {
            try {
                b.result.complete(work.get());
            } catch (Throwable e) {
                b.result.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return b;
    }

    /** Waits for the work and returns its result; its failure is thrown as it was, not wrapped. */
    public T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
