package dev.flowcost.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowcost.advisor.laws.Law;
import dev.flowcost.advisor.laws.LawRunner;
import dev.flowcost.advisor.laws.LawVerdict;
import dev.flowcost.advisor.laws.Laws;
import dev.flowcost.advisor.price.PriceBook;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowcost laws}: checks the pricing and advice laws (QuickTheories properties) against the price book in use,
 * so a user can property-test a negotiated price sheet, or a law of their own, as flowcost's developers do.
 */
@Command(name = "laws", mixinStandardHelpOptions = true,
        header = "Property-test the pricing and advice rules against the price book in use.",
        description = {"Run flowcost's laws (costs never negative, monotone in volume, linear above free tiers, tiered "
                + "prices never rise, every saving equals now - after, no advised change costs more, Express never "
                + "advised past its limit, the chosen environment plan never costs more than keeping, ...) as "
                + "QuickTheories properties against the bundled price book or your --prices rows, in one region. "
                + "Each law prints PASS, FAIL (with the smallest counterexample found and the seed that replays it) "
                + "or N/A (the region lacks what it is about). Laws of your own: --law-jar."},
        footer = {"", "Examples:", "  flowcost laws", "  flowcost laws --prices my-discounts.csv --region eu-west-1 --pricing",
                "  flowcost laws --law tiered-prices-never-rise --seed 42 --examples 2000",
                "  flowcost laws --law-jar my-laws.jar --list",
                "", "Exit 0 every law holds, 1 a law fails, 2 usage error (unknown --law), 3 input error (bad price file, "
                + "unknown region, unreadable jar)."})
final class LawsCommand implements Callable<Integer> {

    @Option(names = "--region", defaultValue = "us-east-1", paramLabel = "R",
            description = "The region whose prices the laws use (default: us-east-1). Example: --region eu-west-3")
    String region;

    @Option(names = "--examples", paramLabel = "N",
            description = "Examples each law tries (default: each law's own, 40 to 200). Example: --examples 1000")
    Integer examples;

    @Option(names = "--seed", paramLabel = "S",
            description = "The random seed (default: a fresh one, printed); a failure's seed replays it. Example: --seed 42")
    Long seed;

    @Option(names = "--law", paramLabel = "NAME",
            description = "Only this law (repeatable); --list shows the names. Example: --law cost-never-negative")
    List<String> only = new ArrayList<>();

    @Option(names = "--pricing",
            description = "Only the laws of the price book and the cost formulas, not of the advice built on them. "
                    + "Example: --pricing")
    boolean pricingOnly;

    @Option(names = "--law-jar", paramLabel = "JAR",
            description = "A jar of laws of your own, each a dev.flowcost.advisor.laws.Law named in its "
                    + "META-INF/services/dev.flowcost.advisor.laws.Law (repeatable). Example: --law-jar my-laws.jar")
    List<Path> lawJars = new ArrayList<>();

    @Option(names = "--list", description = "List the laws with what each says, and run none. Example: --list")
    boolean list;

    @Mixin
    PricesOption pricesOption;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (examples != null && examples < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--examples must be at least 1, not " + examples);
        }
        List<Law> laws = select(discover());
        if (list) {
            for (Law law : laws) {
                out.printf(Locale.ROOT, "%-42s %s%n", law.name(), law.description());
            }
            out.flush();
            return ExitCode.OK.code();
        }
        PriceBook book = pricesOption.load(err);
        if (!book.regions().contains(region)) {
            throw new InputException("no prices for region '" + region + "' (known: " + String.join(", ", book.regions()) + ")");
        }
        long s = seed != null ? seed : System.nanoTime();
        LawRunner runner = new LawRunner(book, region, s, Optional.ofNullable(examples));
        List<LawVerdict> verdicts = new ArrayList<>();
        boolean text = common.format == OutputFormat.text;
        if (text) {
            out.printf(Locale.ROOT, "%d law(s) on %s in %s, seed %d%n", laws.size(),
                    pricesOption.prices == null ? "the bundled price book" : "the bundled price book with " + pricesOption.prices,
                    region, s);
        }
        for (Law law : laws) {
            LawVerdict v = runner.check(law);
            verdicts.add(v);
            if (text) {
                printText(out, v);
                out.flush();
            }
        }
        long failed = verdicts.stream().filter(LawVerdict::failed).count();
        if (text) {
            long na = verdicts.stream().filter(v -> v.outcome() == LawVerdict.Outcome.NOT_APPLICABLE).count();
            long millis = verdicts.stream().mapToLong(LawVerdict::millis).sum();
            out.printf(Locale.ROOT, "%d passed, %d failed, %d not applicable, in %.1f s%n", verdicts.size() - failed - na,
                    failed, na, millis / 1000.0);
        } else {
            out.println(Json.pretty(json(verdicts, s)));
        }
        out.flush();
        // exit 1, as for a budget: CI fails the build when a law of the price book in use breaks
        return failed > 0 ? ExitCode.OVER_BUDGET.code() : ExitCode.OK.code();
    }

    private Map<String, Law> discover() {
        ClassLoader parent = LawsCommand.class.getClassLoader();
        List<URL> urls = new ArrayList<>();
        for (Path jar : lawJars) {
            if (!Files.isRegularFile(jar)) {
                throw new InputException(jar + ": no such jar of laws");
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InputException(jar + ": " + e.getMessage());
            }
        }
        ClassLoader loader = urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(new URL[0]), parent);
        try {
            return Laws.discover(loader);
        } catch (ServiceConfigurationError | IllegalArgumentException e) {
            throw new InputException("cannot load the laws of " + lawJars + ": " + e.getMessage());
        }
    }

    private List<Law> select(Map<String, Law> all) {
        List<Law> laws = new ArrayList<>();
        if (!only.isEmpty()) {
            for (String name : only) {
                Law law = all.get(name);
                if (law == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "unknown law '" + name
                            + "' (laws: " + String.join(", ", all.keySet()) + ")");
                }
                laws.add(law);
            }
            return laws;
        }
        if (pricingOnly) {
            List<String> pricing = Laws.pricing().stream().map(Law::name).toList();
            all.values().stream().filter(l -> pricing.contains(l.name())).forEach(laws::add);
            return laws;
        }
        return new ArrayList<>(all.values());
    }

    private void printText(PrintWriter out, LawVerdict v) {
        String tag = switch (v.outcome()) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            default -> "N/A ";
        };
        out.printf(Locale.ROOT, "  %s  %-42s %5d examples %6.1f s%n", tag, v.law(), v.examples(), v.millis() / 1000.0);
        if (v.outcome() == LawVerdict.Outcome.NOT_APPLICABLE) {
            v.reason().ifPresent(r -> out.println("        " + r));
        }
        if (v.failed()) {
            out.println("        law: " + v.description());
            v.counterexample().ifPresent(c -> out.println("        smallest counterexample: " + c));
            v.reason().ifPresent(r -> out.println("        why: " + r));
            out.println("        replay: " + replay(v));
        }
    }

    /** The command line that replays a failure: the same law, seed, region, prices and examples. */
    private String replay(LawVerdict v) {
        StringBuilder b = new StringBuilder("flowcost laws --law ").append(v.law()).append(" --seed ").append(v.seed())
                .append(" --region ").append(region);
        if (pricesOption.prices != null) {
            b.append(" --prices ").append(pricesOption.prices);
        }
        if (examples != null) {
            b.append(" --examples ").append(examples);
        }
        lawJars.forEach(j -> b.append(" --law-jar ").append(j));
        return b.toString();
    }

    private ObjectNode json(List<LawVerdict> verdicts, long s) {
        ObjectNode root = Json.object();
        root.put("region", region);
        root.put("seed", s);
        ArrayNode arr = root.putArray("laws");
        for (LawVerdict v : verdicts) {
            ObjectNode o = arr.addObject();
            o.put("name", v.law());
            o.put("description", v.description());
            o.put("outcome", v.outcome().name().toLowerCase(Locale.ROOT));
            o.put("examples", v.examples());
            o.put("seed", v.seed());
            v.counterexample().ifPresent(c -> o.put("counterexample", c));
            v.reason().ifPresent(r -> o.put("reason", r));
            if (v.failed()) {
                o.put("replay", replay(v));
            }
            o.put("millis", v.millis());
        }
        root.put("passed", verdicts.stream().filter(v -> v.outcome() == LawVerdict.Outcome.PASSED).count());
        root.put("failed", verdicts.stream().filter(LawVerdict::failed).count());
        return root;
    }
}
