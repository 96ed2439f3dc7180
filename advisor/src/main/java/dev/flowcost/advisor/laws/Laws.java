package dev.flowcost.advisor.laws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The catalogue of laws: flowcost's own ({@link CostLaws}, {@link PriceBookLaws}, {@link AdvisorLaws},
 * {@link MigrationLaws}), then any found by {@link ServiceLoader} on a class loader (a user's jar with
 * {@code META-INF/services/dev.flowcost.advisor.laws.Law}).
 */
public final class Laws {

    private Laws() {
    }

    /** flowcost's own laws: pricing first (they isolate the price book), then the advice. */
    public static List<Law> builtIn() {
        List<Law> all = new ArrayList<>();
        all.addAll(pricing());
        all.addAll(AdvisorLaws.all());
        all.addAll(MigrationLaws.all());
        return all;
    }

    /** The laws that check only the price book and the cost formulas, not the rules built on them. */
    public static List<Law> pricing() {
        List<Law> all = new ArrayList<>(CostLaws.all());
        all.addAll(PriceBookLaws.all());
        return all;
    }

    /** The built-in laws and those a class loader provides, by name, in that order; a later duplicate name is refused. */
    public static Map<String, Law> discover(ClassLoader loader) {
        Map<String, Law> byName = new LinkedHashMap<>();
        for (Law law : builtIn()) {
            byName.put(law.name(), law);
        }
        for (Law law : ServiceLoader.load(Law.class, loader)) {
            if (byName.containsKey(law.name()) && byName.get(law.name()).getClass() != law.getClass()) {
                throw new IllegalArgumentException("two laws are named '" + law.name() + "': "
                        + byName.get(law.name()).getClass().getName() + " and " + law.getClass().getName());
            }
            byName.putIfAbsent(law.name(), law);
        }
        return byName;
    }
}
