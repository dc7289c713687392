package luohu.policy;

import java.util.List;

/**
 * Where the household is registered, in order of preference.
 *
 * @param when the facts under which this registration applies; null when it always does
 */
public record Registration(List<String> order, String text, String clause, Condition when) {
    public Registration {
        order = List.copyOf(order);
    }
}
