package luohu.common;

import java.util.Collection;
import java.util.List;

/** Small list checks for the loops every turn runs, where a stream would be made and dropped each time. */
public final class Lists {
    private Lists() {
    }

    /** Whether any element of {@code xs} is in {@code ys}. */
    public static boolean anyIn(List<?> xs, Collection<?> ys) {
        for (int i = 0; i < xs.size(); i++) if (ys.contains(xs.get(i))) return true;
        return false;
    }
}
