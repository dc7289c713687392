package luohu.policy;

/** Three-valued logic: a condition over partial facts is true, false, or not yet known. */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }
}
