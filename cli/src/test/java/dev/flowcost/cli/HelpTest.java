package dev.flowcost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** A first-time user learns every option from --help: each is explained with an example, and examples fit 80 columns. */
class HelpTest {

    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> all = new java.util.TreeMap<>(new CommandLine(new FlowcostCommand()).getSubcommands());
        all.remove("help");
        return all;
    }

    @Test
    void everyOptionOfEveryCommandHasAnExample() {
        assertThat(commands()).hasSize(11);
        commands().forEach((name, cl) -> {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                assertThat(String.join(" ", o.description())).as(name + " " + o.longestName()).contains("Example: ");
            }
        });
    }

    @Test
    void everyCommandShowsExamplesAndItsExitCodesWithinEightyColumns() {
        commands().forEach((name, cl) -> {
            String help = cl.getUsageMessage();
            assertThat(help).as(name).contains("Examples:", "Exit 0");
            String examples = help.substring(help.indexOf("Examples:"));
            examples.lines().skip(1).takeWhile(l -> !l.isEmpty())
                    .forEach(l -> assertThat(l).as(name + " example").startsWith("  flowcost " + name));
        });
    }

    @Test
    void progressStaysOffStderrWhenItIsNotATerminal() {
        // surefire's stderr is a pipe or a file, never a terminal
        assertThat(Progress.stderrIsTerminal()).isFalse();
        CliRun r = CliRun.of("simulate", CliRun.examples().resolve("glue-poller.asl.json").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("simulating", "done in");
    }
}
