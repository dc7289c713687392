package luohu.policy;

import java.util.List;

/**
 * Where the household is registered, in order of preference.
 *
 * @param when   the facts under which this registration applies; null when it always does
 * @param choice the places are alternatives to choose from, not an order of preference
 */
public record Registration(List<String> order, String text, String clause, Condition when, boolean choice) {
    public Registration {
        order = List.copyOf(order);
    }
}
