package luohu;

import luohu.bench.BenchCommand;
import luohu.cli.AssessCommand;
import luohu.cli.ChatCommand;
import luohu.cli.CheckCommand;
import luohu.cli.NluEvalCommand;
import luohu.channel.telegram.TelegramCommand;
import luohu.channel.web.WebCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The command line: {@code java -jar luohu.jar <command>}. */
@Command(name = "luohu", mixinStandardHelpOptions = true, version = "luohu 0.1.0",
        description = "落户助手: answers household-registration settlement questions from the policy documents. "
                + "With no command, starts the Telegram bot when TELEGRAM_BOT_TOKEN is set, the console chat otherwise.",
        subcommands = {ChatCommand.class, TelegramCommand.class, AssessCommand.class, CheckCommand.class, NluEvalCommand.class, luohu.cli.ConverseEvalCommand.class, BenchCommand.class, WebCommand.class, luohu.cli.ReportCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (2 for bad input of any kind, never a stack trace). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("luohu: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 2;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("luohu: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return 2;
        });
        return cl.execute(args);
    }

    /** With no command: the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the console chat. */
    @Override
    public Integer call() {
        String token = System.getenv("TELEGRAM_BOT_TOKEN");
        String command = token != null && !token.isBlank() ? "telegram" : "chat";
        return spec.commandLine().getSubcommands().get(command).execute();
    }
}
