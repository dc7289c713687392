package luohu.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a JDBC connection as one transaction: committed whole, or rolled back and the error passed on. */
public final class Transactions {
    private Transactions() {
    }

    /** What runs inside the transaction. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    public static void inOne(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
