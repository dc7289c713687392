package luohu;

import luohu.answer.AnswerCache;
import luohu.dialog.DialogFiles;
import luohu.dialog.DialogMachine;
import luohu.dialog.Reply;
import luohu.dialog.Session;
import luohu.dialog.Turn;
import luohu.nlu.Understander;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyLoader;
import luohu.policy.PolicyModel;
import luohu.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The assistant every front end talks to: {@link #reply(String, String)} takes one message of one chat and returns
 * what the user sees. Turns of one chat run one at a time; different chats run in parallel.
 */
public final class Assistant implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);
    private final DialogMachine machine;
    private final SessionStore store;
    private final AnswerCache cache;
    private final PolicyModel model;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Clock clock;

    public Assistant(PolicyModel model, DialogFiles dialogs, SessionStore store, Clock clock) {
        this.model = model;
        this.store = store;
        this.clock = clock;
        this.cache = new AnswerCache(10_000);
        PolicyEngine engine = new PolicyEngine(model);
        this.machine = new DialogMachine(engine, new Understander(model, dialogs.lexicon(), dialogs.questions(), clock), dialogs, cache);
    }

    /** Loads the policy model and dialogs (from the given folders, or the jar's own when null). */
    public static Assistant load(Path policies, Path dialogs, SessionStore store, Clock clock) {
        PolicyModel model = PolicyLoader.load(policies);
        return new Assistant(model, DialogFiles.load(dialogs, model.vocabulary()), store, clock);
    }

    public Reply reply(String chatId, String text) {
        return turn(chatId, text).reply();
    }

    /** One message: the session is loaded, moved on and saved before the reply is returned. */
    public Turn turn(String chatId, String text) {
        ReentrantLock lock = locks.computeIfAbsent(chatId, k -> new ReentrantLock());
        lock.lock();
        try {
            long t0 = System.nanoTime();
            Session s = store.load(chatId).orElseGet(() -> Session.start(chatId));
            Turn t = machine.handle(s, text);
            if ("forget".equals(t.action())) store.delete(chatId);
            else store.save(t.session().touched(clock.millis()));
            LOG.debug("turn intent={} action={} state={}->{} micros={}", t.understanding().intent().id(), t.action(),
                    t.from(), t.session().state(), (System.nanoTime() - t0) / 1000);
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** Deletes everything stored about a chat at once (/forget) and returns the confirmation. */
    public Reply forget(String chatId) {
        ReentrantLock lock = locks.computeIfAbsent(chatId, k -> new ReentrantLock());
        lock.lock();
        try {
            store.delete(chatId);
            return machine.forgotten();
        } finally {
            lock.unlock();
        }
    }

    /** The first-contact greeting (what the assistant does, the places covered); touches no session. */
    public Reply greeting() {
        return machine.greeting();
    }

    public DialogMachine machine() {
        return machine;
    }

    public AnswerCache cache() {
        return cache;
    }

    public PolicyModel model() {
        return model;
    }

    @Override
    public void close() {
        store.close();
    }
}
