package luohu;

import luohu.answer.AnswerCache;
import luohu.common.Background;
import luohu.dialog.DialogFiles;
import luohu.dialog.DialogMachine;
import luohu.dialog.Reply;
import luohu.dialog.Session;
import luohu.dialog.Turn;
import luohu.nlu.Normalizer;
import luohu.nlu.Segmenter;
import luohu.nlu.Understander;
import luohu.policy.Status;
import luohu.policy.PolicyEngine;
import luohu.policy.PolicyLoader;
import luohu.policy.PolicyModel;
import luohu.store.DamagedSessionException;
import luohu.store.SessionStore;
import luohu.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The assistant every front end talks to: {@link #reply(String, String)} takes one message of one chat and returns
 * what the user sees. Turns of one chat run one at a time; different chats run in parallel.
 */
public final class Assistant implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);
    private volatile DialogMachine machine;
    private final SessionStore store;
    private final AnswerCache<DialogMachine.GeneralTurn> cache;
    private volatile PolicyModel model;
    /** Turns of one chat run one at a time: a fixed set of locks, picked by the chat id's hash, so none pile up. */
    private final ReentrantLock[] locks = new ReentrantLock[4096];
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong turnCount = new java.util.concurrent.atomic.AtomicLong();
    private final FloodGuard flood = new FloodGuard(20, java.time.Duration.ofSeconds(10));
    private volatile boolean throttle = true;
    private final java.util.concurrent.atomic.AtomicBoolean storeFailing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Precheck precheck;
    private volatile AskTally tally;

    /**
     * One message's result as the front ends use it: the reply, the pre-check code issued by it (or null), and
     * whether the conversation now has a sheet to give (for a button that asks for it).
     */
    public record Answered(Reply reply, Precheck.Issued issued, boolean sheetReady) {
    }

    public Assistant(PolicyModel model, DialogFiles dialogs, SessionStore store, Clock clock) {
        this.model = model;
        this.store = store;
        this.clock = clock;
        this.cache = new AnswerCache<>(10_000);
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
        this.machine = machine(model, dialogs);
        this.precheck = new Precheck(new luohu.store.MemoryPrecheckCodes(), java.time.Duration.ofDays(Precheck.DEFAULT_DAYS), clock);
        this.tally = new AskTally(new luohu.store.MemoryAskCounters(), clock);
        tally.prompts(machine.prompts());
    }

    /** Keeps pre-check codes in {@code codes} for {@code ttl} (instead of in memory for 14 days); expired ones are deleted now. */
    public Assistant withPrecheck(luohu.store.PrecheckCodes codes, java.time.Duration ttl) {
        Precheck old = this.precheck;
        this.precheck = new Precheck(codes, ttl, clock);
        old.close();
        precheck.purgeExpired();
        return this;
    }

    /** Counts what people ask in {@code counters} (instead of in memory). */
    public Assistant withCounters(luohu.store.AskCounters counters) {
        AskTally old = this.tally;
        this.tally = new AskTally(counters, clock);
        tally.prompts(machine.prompts());
        old.counters().close();
        return this;
    }

    public Precheck precheck() {
        return precheck;
    }

    public AskTally tally() {
        return tally;
    }

    private DialogMachine machine(PolicyModel model, DialogFiles dialogs) {
        return new DialogMachine(new PolicyEngine(model), new Understander(model, dialogs.lexicon(), dialogs.questions(), clock), dialogs, cache);
    }

    /**
     * Serves a new policy model and dialogs from now on and empties the answer cache. Turns wait while it happens
     * (the segmenter's dictionary may only change while nothing is being segmented).
     */
    public void reload(PolicyModel newModel, DialogFiles dialogs) {
        for (ReentrantLock l : locks) l.lock();
        try {
            this.machine = machine(newModel, dialogs);
            this.model = newModel;
            tally.prompts(machine.prompts());
            cache.invalidate();
            LOG.info("policies reloaded, version {}", newModel.version());
        } finally {
            for (ReentrantLock l : locks) l.unlock();
        }
    }

    /** Loads the policy model and dialogs (from the given folders, or the jar's own when null). */
    public static Assistant load(Path policies, Path dialogs, SessionStore store, Clock clock) {
        return load(policies, dialogs, () -> store, clock);
    }

    /**
     * Loads the policy model and dialogs, and only then takes the store from {@code store} (which may be opening
     * on another thread meanwhile). The policies and HanLP's dictionaries load on threads of their own while the
     * dialogs are read, so that on a small host the first answer does not wait for them one after another.
     */
    public static Assistant load(Path policies, Path dialogs, java.util.function.Supplier<SessionStore> store, Clock clock) {
        Background<Void> hanlp = Background.start("luohu-hanlp-load", () -> {
            Segmenter.preload();
            return null;
        });
        Background<PolicyModel> model = Background.start("luohu-policy-load", () -> PolicyLoader.load(policies));
        DialogFiles files;
        try {
            files = DialogFiles.load(dialogs, () -> model.join().vocabulary());
        } catch (RuntimeException e) {
            model.join(); // a broken policy file is reported before a broken dialog file, as when read in turn
            throw e;
        }
        hanlp.join(); // a dictionary that failed to load is reported with its cause, not as a class that cannot be used
        return new Assistant(model.join(), files, store.get(), clock);
    }

    public Reply reply(String chatId, String text) {
        return turn(chatId, text).reply();
    }

    /** One message, with the pre-check code it issued, if any (the reply then carries the code too). */
    public Answered answer(String chatId, String text) {
        Precheck.Issued[] issued = {null};
        Turn t = turn(chatId, text, issued);
        boolean ready = issued[0] == null && t.understanding() != null && "answered".equals(t.session().state())
                && java.util.Set.of("assess", "result", "correct").contains(t.action()) && machine.precheckSheet(t.session()).isPresent();
        return new Answered(t.reply(), issued[0], ready);
    }


    /**
     * One message: the session is loaded, moved on and saved before the reply is returned. A message over
     * {@link Normalizer#MAX_CHARS} is answered from its first part with a notice; a chat sending more than 20
     * messages in 10 seconds is asked to slow down and its session is left as it was.
     */
    public Turn turn(String chatId, String text) {
        return turn(chatId, text, new Precheck.Issued[1]);
    }

    private Turn turn(String chatId, String text, Precheck.Issued[] issued) {
        ReentrantLock lock = lockOf(chatId);
        lock.lock();
        long t0 = System.nanoTime();
        String kind = "error";
        try {
            // the store's lock makes the turns of a chat one at a time across every process sharing the store too
            Turn t = store.locked(chatId, () -> turnLocked(chatId, text, issued));
            kind = t.action();
            return t;
        } catch (StoreException e) {
            kind = "store_failed";
            return storeFailed(chatId, e);
        } catch (RuntimeException e) {
            luohu.common.Telemetry.error("turn");
            throw e;
        } finally {
            lock.unlock();
            turnTimer(kind).record(java.time.Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private Turn turnLocked(String chatId, String text, Precheck.Issued[] issued) {
        {
            long t0 = System.nanoTime();
            String message = text == null ? "" : text;
            boolean startedOver = false;
            Session s;
            try {
                s = store.load(chatId).orElseGet(() -> Session.start(chatId));
            } catch (StoreException e) {
                return storeFailed(chatId, e);
            } catch (DamagedSessionException e) {
                s = startOver(chatId, e.getClass().getSimpleName());
                startedOver = true;
            }
            String unusable = startedOver ? null : unusable(s);
            if (unusable != null) {
                s = startOver(chatId, unusable);
                startedOver = true;
            }
            if (throttle && !flood.allow(chatId, clock.millis())) {
                if (LOG.isInfoEnabled()) LOG.info("turn chat={} throttled", pseudonym(chatId));
                return new Turn(s, Reply.of(machine.prompts().say("throttled")), null, "throttled", s.state(), null, null);
            }
            Turn t;
            try {
                t = machine.handle(s, message);
            } catch (RuntimeException e) {
                // a stored session that reads but cannot be worked with (a value of the wrong kind, a state that is
                // gone): the chat starts over rather than being locked out; a fresh session failing is a real fault
                if (startedOver || s.turns() == 0) throw e;
                s = startOver(chatId, e.getClass().getSimpleName());
                startedOver = true;
                t = machine.handle(s, message);
            }
            if (startedOver && !"forget".equals(t.action())) {
                Reply r = t.reply();
                t = new Turn(t.session(), new Reply(machine.prompts().say("session_unreadable") + "\n\n" + r.text(), r.options()),
                        t.understanding(), t.action(), t.from(), t.transition(), t.assessment());
            }
            try {
                if ("forget".equals(t.action())) {
                    store.delete(chatId);
                    precheck.forget(store.chatKey(chatId));
                } else store.save(t.session().touched(clock.millis(), t.understanding().intent().id(), t.action(), message.hashCode(), Session.lineHashes(t.reply().text())));
                if ("precheck".equals(t.action())) t = issue(chatId, t, issued);
                storeWorks();
            } catch (StoreException e) {
                return storeFailed(chatId, e);
            }
            tally.turn(model, t);
            if (message.length() > Normalizer.MAX_CHARS) {
                Reply r = t.reply();
                t = new Turn(t.session(), new Reply(machine.prompts().say("long_message", "limit", Normalizer.MAX_CHARS) + "\n\n" + r.text(), r.options()),
                        t.understanding(), t.action(), t.from(), t.transition(), t.assessment());
            }
            if (turnCount.incrementAndGet() % 1000 == 0 && LOG.isInfoEnabled()) {
                LOG.info("answer cache hits={} misses={}", cache.hits(), cache.misses());
            }
            if (LOG.isInfoEnabled()) {
                LOG.info("turn chat={} intent={} action={} state={}->{} decided={} latency_us={}", pseudonym(chatId),
                        t.understanding().intent().id(), t.action(), t.from(), t.session().state(), decided(t), (System.nanoTime() - t0) / 1000);
            }
            return t;
        }
    }

    /** The turn timers by kind: registered once, as every turn records into one (the global registry's meters stay). */
    private static final java.util.Map<String, io.micrometer.core.instrument.Timer> TURN_TIMERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Turns by kind (the action taken: answer, ask, materials, throttled, store_failed, …) with their latency. */
    private static io.micrometer.core.instrument.Timer turnTimer(String kind) {
        return TURN_TIMERS.computeIfAbsent(kind == null ? "none" : kind, k -> io.micrometer.core.instrument.Timer.builder("luohu.turns")
                .description("turns of conversations, by the action taken").tag("kind", k).publishPercentileHistogram()
                .register(luohu.common.Telemetry.registry()));
    }

    /** A sheet asked for: a code is issued for it and the reply tells the code, what it shares and for how long. */
    private Turn issue(String chatId, Turn t, Precheck.Issued[] issued) {
        luohu.answer.PrecheckSheet sheet = machine.precheckSheet(t.session()).orElse(null);
        if (sheet == null) return t;
        Precheck.Issued i = precheck.issue(sheet, t.session().facts(), store.chatKey(chatId));
        issued[0] = i;
        tally.issued(sheet.documentId());
        String code = machine.prompts().say("precheck_code", "code", i.code(), "days", i.days(), "expires", i.expires());
        return new Turn(t.session(), new Reply(sheet.text() + "\n\n" + code, t.reply().options(), t.reply().payloads()),
                t.understanding(), t.action(), t.from(), t.transition(), t.assessment());
    }

    /**
     * A turn the store could not take (a full disk, an I/O error): nothing was saved, so the message is not
     * answered and the user is asked to send it again later. The failure is logged once, in one line, until the
     * store works again, which is logged too.
     */
    private Turn storeFailed(String chatId, StoreException e) {
        if (!storeFailing.getAndSet(true)) {
            LOG.error("{}; turns are not saved until it works again", e.getMessage());
        }
        Session s = Session.start(chatId);
        return new Turn(s, Reply.of(machine.prompts().say("store_failed")), null, "store_failed", s.state(), null, null);
    }

    private void storeWorks() {
        if (storeFailing.get() && storeFailing.getAndSet(false)) LOG.warn("the session store works again; turns are saved");
    }

    /** A chat whose stored session cannot be used: the row is deleted and the conversation starts afresh. */
    private Session startOver(String chatId, String why) {
        LOG.warn("turn chat={} stored session unusable ({}), started over", pseudonym(chatId), why);
        store.delete(chatId);
        return Session.start(chatId);
    }

    /**
     * Why a stored session cannot be worked with by the model and dialogs served now (a state, place, question or
     * fact value they do not know), or null when it can.
     */
    private String unusable(Session s) {
        DialogMachine m = machine;
        if (!m.flow().states().contains(s.state())) return "unknown state";
        if (s.place() != null && model.place(s.place()).isEmpty()) return "unknown place";
        if (s.asked() != null && !m.questions().has(s.asked())) return "unknown question";
        for (java.util.Map.Entry<String, Object> e : s.facts().asMap().entrySet()) {
            luohu.policy.Fact f = model.vocabulary().find(e.getKey()).orElse(null);
            if (f == null) return "unknown fact";
            try {
                if (e.getValue() instanceof luohu.policy.Excluded ex) {
                    if (!f.values().keySet().containsAll(ex.values())) return "unknown value";
                } else if (!f.normalise(e.getValue()).equals(e.getValue())) {
                    return "value of the wrong kind";
                }
            } catch (IllegalArgumentException bad) {
                return "value of the wrong kind";
            }
        }
        return null;
    }

    /**
     * No chat is asked to slow down from now on: for {@code chat --jsonl}, where a tool replays scripted
     * conversations as fast as it can. Channels open to the public (Telegram, web) keep the limit.
     */
    public Assistant unthrottled() {
        throttle = false;
        return this;
    }

    private ReentrantLock lockOf(String chatId) {
        return locks[Math.floorMod(chatId.hashCode(), locks.length)];
    }

    /** The pathways the turn decided, "id:status", for the log. */
    private static String decided(Turn t) {
        if (t.assessment() == null) return "[]";
        return t.assessment().outcomes().stream()
                .filter(o -> o.status() == Status.ELIGIBLE || o.status() == Status.NOT_ELIGIBLE)
                .map(o -> o.pathway().id() + ":" + o.status().id).toList().toString();
    }

    /** What logs call a chat: a short salted hash, never the chat id. */
    public String pseudonym(String chatId) {
        return store.chatKey(chatId).substring(0, 12);
    }

    /** Deletes everything stored about a chat at once (/forget) and returns the confirmation. */
    public Reply forget(String chatId) {
        ReentrantLock lock = lockOf(chatId);
        lock.lock();
        try {
            store.locked(chatId, () -> {
                store.delete(chatId);
                precheck.forget(store.chatKey(chatId));
                return null;
            });
            storeWorks();
            return machine.forgotten();
        } catch (StoreException e) {
            return storeFailed(chatId, e).reply();
        } finally {
            lock.unlock();
        }
    }

    /** The first-contact greeting (what the assistant does, the places covered); touches no session. */
    public Reply greeting() {
        return machine.greeting();
    }

    /** Whether the session store answers now (for /healthz). */
    public boolean storeReachable() {
        return store.reachable();
    }

    public DialogMachine machine() {
        return machine;
    }

    public AnswerCache<DialogMachine.GeneralTurn> cache() {
        return cache;
    }

    public PolicyModel model() {
        return model;
    }

    @Override
    public void close() {
        store.close();
        precheck.close();
        tally.counters().close();
    }
}
