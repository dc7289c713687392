package luohu.common;

import java.util.function.Supplier;

/**
 * A value made on first use, once, for every thread: for indexes that only some messages need, so that a new
 * process answers its first message without building them.
 */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<T> make;
    private volatile T value;

    public Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) {
                value = make.get();
                make = null;
            }
            return value;
        }
    }
}
