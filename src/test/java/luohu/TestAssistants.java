package luohu;

import luohu.dialog.DialogFiles;
import luohu.policy.PolicyLoader;
import luohu.policy.PolicyModel;
import luohu.store.MemoryStore;
import luohu.store.SessionStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Assistants built from the project's real policies/ and dialogs/ folders, with a fixed date. */
public final class TestAssistants {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static PolicyModel model;
    private static DialogFiles dialogs;

    private TestAssistants() {
    }

    public static synchronized PolicyModel model() {
        if (model == null) model = PolicyLoader.load(TestPaths.policies());
        return model;
    }

    public static synchronized DialogFiles dialogs() {
        if (dialogs == null) dialogs = DialogFiles.load(TestPaths.dialogs(), model().vocabulary());
        return dialogs;
    }

    public static Assistant withStore(SessionStore store) {
        return new Assistant(model(), dialogs(), store, CLOCK);
    }

    public static Assistant fresh() {
        return withStore(new MemoryStore());
    }
}
