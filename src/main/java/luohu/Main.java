package luohu;

import luohu.bench.BenchCommand;
import luohu.cli.AssessCommand;
import luohu.cli.ChatCommand;
import luohu.cli.CheckCommand;
import luohu.cli.ConverseEvalCommand;
import luohu.cli.NluEvalCommand;
import luohu.cli.ReportCommand;
import luohu.channel.telegram.TelegramCommand;
import luohu.channel.web.WebCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** The command line: {@code java -jar luohu.jar <command>}. */
@Command(name = "luohu", mixinStandardHelpOptions = true, version = "luohu 0.1.0",
        description = "落户助手: answers household-registration settlement questions from the policy documents. "
                + "With no command, starts the Telegram bot when TELEGRAM_BOT_TOKEN is set, the console chat otherwise.")
public final class Main implements Callable<Integer> {
    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ChatCommand.class, TelegramCommand.class, AssessCommand.class,
            CheckCommand.class, NluEvalCommand.class, ConverseEvalCommand.class, BenchCommand.class, WebCommand.class,
            ReportCommand.class);

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (2 for bad input of any kind, never a stack trace). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // picocli reads every command's options by reflection when it is added: a run of one command adds that one
        // only, and anything else (help, version, a mistyped command) gets them all
        String wanted = args.length == 0 ? defaultCommand() : args[0];
        boolean one = COMMANDS.stream().anyMatch(c -> name(c).equals(wanted));
        for (Class<?> c : COMMANDS) if (!one || name(c).equals(wanted)) cl.addSubcommand(c);
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
        return spec.commandLine().getSubcommands().get(defaultCommand()).execute();
    }

    private static String defaultCommand() {
        String token = System.getenv("TELEGRAM_BOT_TOKEN");
        return token != null && !token.isBlank() ? "telegram" : "chat";
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
