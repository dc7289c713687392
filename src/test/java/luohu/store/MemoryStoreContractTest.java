package luohu.store;

/** The contract, in memory: nothing outlives the process, nothing can be damaged or filled up. */
class MemoryStoreContractTest extends SessionStoreContract {
    private MemoryStore store;

    @Override
    protected SessionStore openStore() {
        if (store == null) store = new MemoryStore(MemoryStore.DEFAULT_MAX, TTL, () -> clock.millis() * 1_000_000);
        return store;
    }

    @Override
    protected boolean durable() {
        return false;
    }
}
