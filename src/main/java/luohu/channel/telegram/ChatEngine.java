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

    static ChatEngine of(Assistant assistant) {
        return new ChatEngine() {
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
