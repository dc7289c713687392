package luohu.channel.telegram;

import luohu.Assistant;
import luohu.answer.Prompts;
import luohu.dialog.Reply;

/** What the bot needs of the assistant; {@link #of(Assistant)} is the real one, tests may wrap it. */
public interface ChatEngine {
    /** One message of one conversation; turns of a conversation are serialised by the implementation. */
    Reply reply(String conversation, String text);

    /** Deletes everything stored about the conversation and returns the confirmation. */
    Reply forget(String conversation);

    /** The first-contact greeting: what the assistant does and the places it covers. */
    Reply greeting();

    /** The texts of dialogs/prompts.yaml. */
    Prompts prompts();

    /** One message, with the pre-check code it issued and whether a sheet can now be asked for. */
    default Assistant.Answered answer(String conversation, String text) {
        return new Assistant.Answered(reply(conversation, text), null, false);
    }

    /** The PDF of a sheet just issued, or empty (no font: the text sheet is all there is). */
    default java.util.Optional<byte[]> sheetPdf(luohu.Precheck.Issued issued) {
        return java.util.Optional.empty();
    }

    /**
     * The same engine running at most {@code turns} turns at once, whatever the number of lanes waiting: on a small
     * host the rest of the cores stay free for the compiler, the collector and the network, which keeps the slowest
     * replies near the typical one.
     */
    static ChatEngine limited(ChatEngine engine, int turns) {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(turns, true);
        return new Forwarding(engine) {
            private <T> T inSlot(java.util.function.Supplier<T> turn) {
                slots.acquireUninterruptibly();
                try {
                    return turn.get();
                } finally {
                    slots.release();
                }
            }

            @Override
            public Reply reply(String conversation, String text) {
                return inSlot(() -> super.reply(conversation, text));
            }

            @Override
            public Assistant.Answered answer(String conversation, String text) {
                return inSlot(() -> super.answer(conversation, text));
            }

            @Override
            public Reply forget(String conversation) {
                return inSlot(() -> super.forget(conversation));
            }

            @Override
            public java.util.Optional<byte[]> sheetPdf(luohu.Precheck.Issued issued) {
                return inSlot(() -> super.sheetPdf(issued));
            }
        };
    }

    /** An engine that passes every call on to another: a wrapper overrides what it changes. */
    abstract class Forwarding implements ChatEngine {
        private final ChatEngine engine;

        protected Forwarding(ChatEngine engine) {
            this.engine = engine;
        }

        @Override
        public Reply reply(String conversation, String text) {
            return engine.reply(conversation, text);
        }

        @Override
        public Assistant.Answered answer(String conversation, String text) {
            return engine.answer(conversation, text);
        }

        @Override
        public Reply forget(String conversation) {
            return engine.forget(conversation);
        }

        @Override
        public java.util.Optional<byte[]> sheetPdf(luohu.Precheck.Issued issued) {
            return engine.sheetPdf(issued);
        }

        @Override
        public Reply greeting() {
            return engine.greeting();
        }

        @Override
        public Prompts prompts() {
            return engine.prompts();
        }
    }

    /** Turns at once by default: the cores less one, at least one. */
    static int defaultTurns() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    static ChatEngine of(Assistant assistant) {
        return of(assistant, luohu.print.SheetPdf.fromEnvironment());
    }

    static ChatEngine of(Assistant assistant, luohu.print.SheetPdf pdf) {
        return new ChatEngine() {
            @Override
            public Assistant.Answered answer(String conversation, String text) {
                return assistant.answer(conversation, text);
            }

            @Override
            public java.util.Optional<byte[]> sheetPdf(luohu.Precheck.Issued issued) {
                Prompts p = assistant.machine().prompts();
                return pdf.render(issued.sheet(), issued.code(), java.util.List.of(
                        p.say("precheck_code", "code", issued.code(), "days", issued.days(), "expires", issued.expires()),
                        p.say("precheck_pdf_date", "date", issued.issued())));
            }

            @Override
            public Reply reply(String conversation, String text) {
                return assistant.reply(conversation, text);
            }

            @Override
            public Reply forget(String conversation) {
                return assistant.forget(conversation);
            }

            @Override
            public Reply greeting() {
                return assistant.greeting();
            }

            @Override
            public Prompts prompts() {
                return assistant.machine().prompts();
            }
        };
    }
}
