package dev.flowcost.advisor.migration;

import dev.flowcost.advisor.analysis.Alternative;
import dev.flowcost.advisor.analysis.EnvironmentConditions;
import dev.flowcost.advisor.analysis.PlanOption;
import dev.flowcost.advisor.analysis.WorkItem;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.CostItem;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.cost.Money;
import dev.flowcost.advisor.cost.MwaaCost;
import dev.flowcost.advisor.cost.Rate;
import dev.flowcost.advisor.estate.EnvironmentCosting;
import dev.flowcost.advisor.price.Services;
import dev.flowcost.core.dag.EnvironmentClass;
import dev.flowcost.core.simulate.dag.EnvironmentMonthResult;
import dev.flowcost.core.simulate.dag.SizingVerdict;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.MigrationSettings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers "what should this MWAA environment become?" by pricing whole plans, not DAGs one at a time (a DAG judged
 * alone stays because the others stay). Plans evaluated:
 * <ul>
 *   <li><b>keep</b>: the environment as it is;</li>
 *   <li><b>DAG by DAG</b>: the DAGs whose own move pays back against their re-simulated marginal cost;</li>
 *   <li><b>move every movable DAG</b>: all DAGs without a hard blocker (and not linked to one that stays);
 *       decommission when none stays, else the smallest class and worker range that hold what stays;</li>
 *   <li><b>downsize to C</b>, for every class C smaller than now: the cheapest group of movable DAGs whose leaving
 *       lets the environment run on C. Up to {@link #EXACT_SEARCH_MAX_UNITS} movable units (a unit is a DAG, or
 *       DAGs linked by dependencies, which move together) every group is ranked by a proxy (the moved DAGs' new cost
 *       plus C's extra-worker hours scaled from the simulated month by the staying slot-seconds); beyond that a
 *       greedy heuristic adds the units that free the most slot-seconds per dollar of new cost. Either way the
 *       best {@link #VERIFY_CANDIDATES} candidates are re-simulated on C and the first that C holds is the plan:
 *       the proxy only ranks, every cost shown is simulated.</li>
 * </ul>
 * Each moving DAG goes to its cheapest target (Step Functions, or MWAA Serverless where it can run it), with an
 * EventBridge Scheduler rule for its schedule. The environment after a plan is its month simulated again with the
 * DAGs that stay ({@link dev.flowcost.core.simulate.dag.EnvironmentMonths}, memoised and bounded). A plan's work
 * items are priced at the hourly rate; it pays back when it saves money and the work is repaid within the horizon
 * ({@link MigrationSettings}). The chosen plan is the cheapest a month among those that pay back; "keep" always does.
 */
public final class EnvironmentPlanner {

    static final String RULE = "environment-after-migration";
    /** Re-simulations one environment's plans may run (marginal costs included). */
    public static final int MAX_RESIMULATIONS = 40;
    /** Re-simulations spent on DAG-by-DAG marginal costs at most; the DAGs with the most slot-seconds get them. */
    public static final int MAX_MARGINAL_RESIMULATIONS = 16;
    /** Fidelity of counterfactual months: task instances simulated before the rest of the month is scaled. */
    public static final double PLANNING_TASK_INSTANCES = 300_000;
    /** Movable units up to which the downsizing search tries every group. */
    public static final int EXACT_SEARCH_MAX_UNITS = 16;
    /** Candidate groups re-simulated per class, best proxy first. */
    public static final int VERIFY_CANDIDATES = 3;
    /** A group is a candidate for class C when its staying load averages at most this share of C's slots. */
    public static final double LOAD_SHARE = 0.6;

    private EnvironmentPlanner() {
    }

    /** The plans for one environment and the chosen one; a pure function of its input (and its months source). */
    public static EnvironmentPlan plan(EnvironmentPlanInput in) {
        Planning p = new Planning(in);
        return p.run();
    }

    /** The state of one planning: the input, priced months, options so far. */
    private static final class Planning {
        private final EnvironmentPlanInput in;
        private final EnvironmentSpec spec;
        private final EnvironmentClass now;
        private final Map<String, EnvironmentPlanInput.PlannedDag> dags = new LinkedHashMap<>();
        private final Map<String, Set<String>> links = new LinkedHashMap<>();
        private final List<PlanOption> options = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final MigrationSettings settings;

        Planning(EnvironmentPlanInput in) {
            this.in = in;
            this.spec = in.spec();
            this.now = EnvironmentClass.parseOrFallback(spec.environmentClass());
            this.settings = in.migration();
            for (EnvironmentPlanInput.PlannedDag d : in.dags()) {
                dags.put(d.dagId(), d);
                links.putIfAbsent(d.dagId(), new LinkedHashSet<>());
            }
            for (EnvironmentPlanInput.PlannedDag d : in.dags()) {
                for (String other : d.work().links().keySet()) {
                    if (dags.containsKey(other)) {
                        links.get(d.dagId()).add(other);
                        links.get(other).add(d.dagId());
                    }
                }
            }
        }

        EnvironmentPlan run() {
            int simsBefore = in.months().simulationsRun();
            PlanOption keep = keepOption();
            options.add(keep);
            dagByDag();
            moveAll();
            downsizing();
            int sims = in.months().simulationsRun() - simsBefore;
            PlanOption chosen = choose();
            List<PlanOption> marked = options.stream().map(o -> o.withChosen(o == chosen)).collect(Collectors.toList());
            PlanOption chosenMarked = marked.get(options.indexOf(chosen));
            notes.add(0, "plans weighed: " + options.size() + " (" + options.stream().map(PlanOption::name)
                    .collect(Collectors.joining(", ")) + "); environment months re-simulated for them: " + sims
                    + (in.months().refused() > 0 ? ", " + in.months().refused() + " more refused (budget of "
                    + MAX_RESIMULATIONS + " spent)" : "") + "; the chosen plan is the cheapest a month whose work pays"
                    + " back within " + WorkItem.trim(settings.horizon()) + " months (" + settings.source("horizonMonths")
                    + ")");
            EnvironmentConditions conditions = PlanConditions.of(in, marked, chosenMarked, dags, now);
            Optional<Finding> finding = chosenMarked.name().equals(PlanOption.KEEP) ? Optional.empty()
                    : Optional.of(finding(chosenMarked));
            String verdict = verdictOf(chosenMarked);
            List<String> allNotes = new ArrayList<>(notes);
            allNotes.add("chosen plan: " + chosenMarked.name() + " — " + chosenMarked.description());
            return new EnvironmentPlan(spec.name(), spec.environmentClass(), List.copyOf(dags.keySet()),
                    chosenMarked.dagsMoving(), in.monthlyCost(), in.costItems(), chosenMarked.environmentCostAfter(),
                    chosenMarked.environmentItemsAfter(), chosenMarked.classAfter(), chosenMarked.maxWorkersAfter(),
                    verdict, allNotes, finding, marked, conditions, sims);
        }

        private String verdictOf(PlanOption o) {
            if (o.name().equals(PlanOption.KEEP)) {
                return EnvironmentPlan.KEEP;
            }
            if (o.decommissions()) {
                return EnvironmentPlan.DECOMMISSION;
            }
            return o.classAfter().equals(spec.environmentClass()) ? EnvironmentPlan.KEEP
                    : EnvironmentPlan.DOWNSIZE_PREFIX + o.classAfter();
        }

        private PlanOption keepOption() {
            return new PlanOption(PlanOption.KEEP, "keep " + spec.name() + " as it is (" + spec.environmentClass()
                    + ", " + spec.minWorkers() + "–" + spec.maxWorkers() + " workers) with all " + dags.size()
                    + " DAG(s)", List.of(), Map.of(), spec.environmentClass(), spec.maxWorkers(), in.monthlyCost(),
                    BigDecimal.ZERO, in.monthlyCost(), BigDecimal.ZERO, List.of(), 0, BigDecimal.ZERO,
                    Optional.empty(), true, false, List.of("no work; the environment's simulated month as costed"),
                    in.costItems(), in.costItems());
        }

        /** The DAGs whose own advice moves them, less those linked to a DAG that stays. */
        private void dagByDag() {
            Set<String> moving = new LinkedHashSet<>();
            dags.values().stream().filter(d -> d.migration().leavesMwaa()).forEach(d -> moving.add(d.dagId()));
            List<String> dropped = closeOverLinks(moving);
            if (moving.isEmpty()) {
                notes.add("DAG by DAG: no DAG's own move pays back against its marginal cost"
                        + (dropped.isEmpty() ? "" : " (dropped for links to DAGs that stay: " + String.join(", ", dropped) + ")"));
                return;
            }
            Set<String> stay = staying(moving);
            List<String> planNotes = new ArrayList<>();
            if (!dropped.isEmpty()) {
                planNotes.add("not moved, linked to DAGs that stay: " + String.join(", ", dropped));
            }
            if (stay.isEmpty()) {
                add(decommission(PlanOption.DAG_BY_DAG, "move " + names(moving) + " (each pays back on its own) and"
                        + " decommission " + spec.name(), moving, planNotes));
            } else {
                Optional<Priced> after = price(stay, now, spec.minWorkers(), spec.maxWorkers());
                if (after.isEmpty()) {
                    notes.add("DAG by DAG: not evaluated, the re-simulation budget is spent");
                    return;
                }
                add(onClass(PlanOption.DAG_BY_DAG, "move " + names(moving) + " (each pays back on its own); "
                        + spec.name() + " stays as it is for the other " + stay.size(), moving, after.get(), planNotes));
            }
        }

        /** Every DAG with no hard blocker and no link to one that stays. */
        private void moveAll() {
            Set<String> moving = new LinkedHashSet<>();
            dags.values().stream().filter(d -> movable(d)).forEach(d -> moving.add(d.dagId()));
            List<String> dropped = closeOverLinks(moving);
            List<String> planNotes = new ArrayList<>();
            if (!dropped.isEmpty()) {
                planNotes.add("stays, linked to a DAG that stays: " + String.join(", ", dropped));
            }
            if (moving.isEmpty()) {
                notes.add("move every movable DAG: every DAG has a hard blocker");
                return;
            }
            Set<String> stay = staying(moving);
            if (stay.isEmpty()) {
                add(decommission(PlanOption.MOVE_ALL, "move all " + moving.size() + " DAG(s) and decommission "
                        + spec.name(), moving, planNotes));
                return;
            }
            Optional<Sized> sized = smallestHolding(stay, null);
            if (sized.isEmpty()) {
                notes.add("move every movable DAG: not evaluated, the re-simulation budget is spent");
                return;
            }
            add(onClass(PlanOption.MOVE_ALL, "move " + names(moving) + "; keep " + names(stay) + " on "
                    + sized.get().cls.className() + " with " + sized.get().priced.minWorkers + "–"
                    + sized.get().priced.maxWorkers + " workers", moving, sized.get().priced, planNotes));
        }

        /** For every class below now, the cheapest group whose leaving lets the environment run on it. */
        private void downsizing() {
            List<List<String>> units = movableUnits();
            if (units.isEmpty()) {
                return;
            }
            for (Optional<EnvironmentClass> c = now.smaller(); c.isPresent(); c = c.get().smaller()) {
                EnvironmentClass cls = c.get();
                Optional<MwaaCost.Prices> prices = prices(cls);
                if (prices.isEmpty()) {
                    continue;
                }
                List<Set<String>> candidates = units.size() <= EXACT_SEARCH_MAX_UNITS
                        ? exactCandidates(units, cls, prices.get()) : greedyCandidates(units, cls, prices.get());
                boolean found = false;
                for (Set<String> moving : candidates) {
                    Set<String> stay = staying(moving);
                    if (stay.isEmpty()) {
                        continue; // moving everything is the move-all plan
                    }
                    if (already(moving, cls.className())) {
                        found = true;
                        break;
                    }
                    Workers w = workersOn(cls);
                    Optional<Priced> after = price(stay, cls, w.min, w.max);
                    if (after.isEmpty()) {
                        notes.add("downsize to " + cls.className() + ": the re-simulation budget is spent");
                        return;
                    }
                    if (after.get().month.verdict() == SizingVerdict.TOO_SMALL) {
                        continue;
                    }
                    add(onClass(PlanOption.DOWNSIZE + cls.className(), moving.isEmpty()
                            ? "resize " + spec.name() + " to " + cls.className() + "; no DAG moves"
                            : "move " + names(moving) + " so that " + names(stay) + " fit " + cls.className(),
                            moving, after.get(),
                            List.of("the cheapest group found by " + (units.size() <= EXACT_SEARCH_MAX_UNITS
                                    ? "an exact search over " + units.size() + " movable unit(s)"
                                    : "the greedy heuristic over " + units.size() + " movable units")
                                    + ", verified by re-simulation on " + cls.className())));
                    found = true;
                    break;
                }
                if (!found) {
                    notes.add("downsize to " + cls.className() + ": no group of movable DAGs lets what stays fit it");
                    return; // a smaller class holds even less
                }
            }
        }

        private boolean already(Set<String> moving, String cls) {
            return options.stream().anyMatch(o -> new HashSet<>(o.dagsMoving()).equals(moving)
                    && o.classAfter().equals(cls));
        }

        /** Movable DAGs grouped by their links (a group moves together); groups touching an unmovable DAG drop. */
        private List<List<String>> movableUnits() {
            List<List<String>> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String id : dags.keySet()) {
                if (seen.contains(id)) {
                    continue;
                }
                List<String> unit = new ArrayList<>();
                List<String> todo = new ArrayList<>(List.of(id));
                seen.add(id);
                while (!todo.isEmpty()) {
                    String d = todo.remove(todo.size() - 1);
                    unit.add(d);
                    for (String o : links.get(d)) {
                        if (seen.add(o)) {
                            todo.add(o);
                        }
                    }
                }
                if (unit.stream().allMatch(d -> movable(dags.get(d)))) {
                    out.add(unit);
                }
            }
            return out;
        }

        private List<Set<String>> exactCandidates(List<List<String>> units, EnvironmentClass cls, MwaaCost.Prices prices) {
            int u = units.size();
            double[] alt = new double[u];
            double[] slot = new double[u];
            int[] count = new int[u];
            for (int i = 0; i < u; i++) {
                for (String d : units.get(i)) {
                    alt[i] += target(dags.get(d)).map(a -> a.monthlyCost().doubleValue()).orElse(Double.MAX_VALUE / 64);
                    slot[i] += in.month().slotSecondsByDag().getOrDefault(d, 0.0);
                    count[i]++;
                }
            }
            double allSlots = in.month().totalSlotSeconds();
            List<double[]> ranked = new ArrayList<>(); // {mask, objective}
            for (int mask = 0; mask < (1 << u); mask++) { // the empty group: the class alone is too large
                double moveCost = 0;
                double freed = 0;
                int moved = 0;
                for (int i = 0; i < u; i++) {
                    if ((mask & (1 << i)) != 0) {
                        moveCost += alt[i];
                        freed += slot[i];
                        moved += count[i];
                    }
                }
                Optional<Double> env = proxy(cls, prices, dags.size() - moved, allSlots - freed, allSlots);
                if (env.isPresent()) {
                    ranked.add(new double[]{mask, moveCost + env.get()});
                }
            }
            ranked.sort(Comparator.comparingDouble((double[] r) -> r[1]).thenComparingDouble(r -> Integer.bitCount((int) r[0])));
            List<Set<String>> out = new ArrayList<>();
            for (int k = 0; k < Math.min(VERIFY_CANDIDATES, ranked.size()); k++) {
                int mask = (int) ranked.get(k)[0];
                Set<String> s = new LinkedHashSet<>();
                for (int i = 0; i < u; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s.addAll(units.get(i));
                    }
                }
                out.add(s);
            }
            return out;
        }

        private List<Set<String>> greedyCandidates(List<List<String>> units, EnvironmentClass cls, MwaaCost.Prices prices) {
            List<List<String>> order = new ArrayList<>(units);
            Map<List<String>, Double> perSlot = new LinkedHashMap<>();
            for (List<String> unit : order) {
                double cost = unit.stream().mapToDouble(d -> target(dags.get(d)).map(a -> a.monthlyCost().doubleValue())
                        .orElse(1e12)).sum();
                double slots = unit.stream().mapToDouble(d -> in.month().slotSecondsByDag().getOrDefault(d, 0.0)).sum();
                perSlot.put(unit, cost / Math.max(1e-9, slots));
            }
            order.sort(Comparator.comparingDouble(perSlot::get));
            double allSlots = in.month().totalSlotSeconds();
            List<Set<String>> out = new ArrayList<>();
            Set<String> moving = new LinkedHashSet<>();
            double freed = 0;
            if (proxy(cls, prices, dags.size(), allSlots, allSlots).isPresent()) {
                out.add(new LinkedHashSet<>()); // the class alone is too large
            }
            for (List<String> unit : order) {
                moving.addAll(unit);
                freed += unit.stream().mapToDouble(d -> in.month().slotSecondsByDag().getOrDefault(d, 0.0)).sum();
                if (proxy(cls, prices, dags.size() - moving.size(), allSlots - freed, allSlots).isPresent()) {
                    out.add(new LinkedHashSet<>(moving));
                    if (out.size() >= VERIFY_CANDIDATES) {
                        break;
                    }
                }
            }
            return out;
        }

        /**
         * Proxy cost of the environment on {@code cls} with {@code stayingDags} DAGs holding {@code stayingSlots}
         * slot-seconds, or empty when it plainly cannot hold them: extra-worker hours scaled from the simulated month
         * by the staying share and by tasks per worker. Ranks candidate groups only.
         */
        private Optional<Double> proxy(EnvironmentClass cls, MwaaCost.Prices prices, int stayingDags, double stayingSlots,
                                       double allSlots) {
            if (stayingDags <= 0 || stayingDags > cls.dagCapacity()) {
                return Optional.empty();
            }
            Workers w = workersOn(cls);
            double load = stayingSlots / Math.max(1, in.month().hoursPerMonth() * 3600);
            if (load > LOAD_SHARE * cls.slots(w.max)) {
                return Optional.empty();
            }
            double share = allSlots > 0 ? stayingSlots / allSlots : stayingDags / (double) dags.size();
            double extra = in.month().workerHoursAboveMinimum() * share * now.tasksPerWorker() / cls.tasksPerWorker();
            double worker = prices.worker().map(r -> r.price().doubleValue()).orElse(0.0);
            return Optional.of(in.month().hoursPerMonth() * prices.environment().price().doubleValue() + extra * worker);
        }

        /** The smallest class from the smallest up to now whose re-simulated month holds {@code stay}. */
        private Optional<Sized> smallestHolding(Set<String> stay, EnvironmentClass floor) {
            List<EnvironmentClass> ascending = new ArrayList<>();
            for (Optional<EnvironmentClass> c = Optional.of(now); c.isPresent(); c = c.get().smaller()) {
                ascending.add(0, c.get());
            }
            for (EnvironmentClass cls : ascending) {
                if (stay.size() > cls.dagCapacity() || prices(cls).isEmpty() || (floor != null && cls.compareTo(floor) < 0)) {
                    continue;
                }
                Workers w = workersOn(cls);
                Optional<Priced> p = price(stay, cls, w.min, w.max);
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                if (p.get().month.verdict() != SizingVerdict.TOO_SMALL || cls == now) {
                    return Optional.of(new Sized(cls, p.get()));
                }
            }
            return Optional.empty();
        }

        private record Workers(int min, int max) {
        }

        /** The worker range on {@code cls}: the minimum kept, the maximum scaled for its smaller workers. */
        private Workers workersOn(EnvironmentClass cls) {
            if (cls == now) {
                return new Workers(spec.minWorkers(), spec.maxWorkers());
            }
            if (!cls.autoscales()) {
                return new Workers(1, 1);
            }
            int min = Math.min(spec.minWorkers(), cls.maxWorkers());
            int max = (int) Math.ceil(spec.maxWorkers() * (double) now.tasksPerWorker() / cls.tasksPerWorker());
            return new Workers(min, Math.max(min, Math.min(cls.maxWorkers(), max)));
        }

        private Optional<MwaaCost.Prices> prices(EnvironmentClass cls) {
            try {
                MwaaCost.Prices p = MwaaCost.Prices.from(in.prices(), in.region(), cls.className());
                boolean billable = (spec.schedulers() <= dev.flowcost.advisor.cost.MwaaUsage.INCLUDED_SCHEDULERS
                        || p.scheduler().isPresent())
                        && (spec.webServers() <= dev.flowcost.advisor.cost.MwaaUsage.INCLUDED_WEB_SERVERS
                        || p.webServer().isPresent());
                return billable ? Optional.of(p) : Optional.empty();
            } catch (RuntimeException missing) {
                return Optional.empty();
            }
        }

        /** A simulated month priced. */
        private record Priced(EnvironmentMonthResult month, List<CostItem> items, BigDecimal cost, int minWorkers,
                              int maxWorkers, List<String> notes) {
        }

        private record Sized(EnvironmentClass cls, Priced priced) {
        }

        private Optional<Priced> price(Set<String> stay, EnvironmentClass cls, int min, int max) {
            Optional<MwaaCost.Prices> prices = prices(cls);
            if (prices.isEmpty()) {
                return Optional.empty();
            }
            Optional<EnvironmentMonthResult> m = in.months().month(stay, cls.className(), min, max);
            if (m.isEmpty()) {
                return Optional.empty();
            }
            // the worker range that holds it: up to the most workers the month used
            int maxAfter = Math.max(min, Math.min(max, m.get().peakWorkers()));
            EnvironmentSpec on = new EnvironmentSpec(spec.name(), cls.className(), min, maxAfter, spec.schedulers(),
                    spec.webServers(), spec.metadataStorageGb(), spec.dags());
            List<String> n = new ArrayList<>();
            List<CostItem> items = EnvironmentCosting.items(on, m.get(), prices.get(), in.hoursPerMonth(), n);
            n.add("re-simulated month of the " + stay.size() + " DAG(s) that stay on " + cls.className() + ": "
                    + m.get().verdictReason());
            return Optional.of(new Priced(m.get(), items, CostItems.total(items), min, maxAfter, n));
        }

        private PlanOption decommission(String name, String description, Set<String> moving, List<String> planNotes) {
            List<String> n = new ArrayList<>(planNotes);
            n.add("no DAG stays on " + spec.name() + ": it is decommissioned and costs nothing");
            return option(name, description, moving, "", 0, List.of(), true, n);
        }

        private PlanOption onClass(String name, String description, Set<String> moving, Priced after,
                                   List<String> planNotes) {
            List<String> n = new ArrayList<>(planNotes);
            n.addAll(after.notes);
            return option(name, description, moving, after.month.environmentClass(), after.maxWorkers, after.items,
                    false, n);
        }

        private PlanOption option(String name, String description, Set<String> moving, String classAfter,
                                  int maxWorkersAfter, List<CostItem> envItems, boolean decommission, List<String> n) {
            List<CostItem> moved = new ArrayList<>();
            Map<String, String> targets = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String d : moving) {
                EnvironmentPlanInput.PlannedDag dag = dags.get(d);
                Optional<Alternative> a = target(dag);
                if (a.isPresent()) {
                    targets.put(d, a.get().platform());
                    moved.addAll(a.get().costItems());
                } else {
                    n.add(d + ": no Step Functions or MWAA Serverless price; its new cost is missing");
                }
                scheduleItem(dag).ifPresent(moved::add);
                dag.work().items().forEach(w -> counts.merge(w.kind(), w.count(), Integer::sum));
            }
            if (decommission) {
                counts.merge("decommission", 1, Integer::sum);
            }
            List<WorkItem> work = new ArrayList<>();
            for (String k : MigrationSettings.EFFORT_KEYS) {
                Integer c = counts.get(k);
                if (c != null && c > 0) {
                    work.add(new WorkItem(k, DagWork.describe(k), c, settings.hours(k)));
                }
            }
            double hours = work.stream().mapToDouble(WorkItem::hours).sum();
            BigDecimal effortCost = BigDecimal.valueOf(hours).multiply(BigDecimal.valueOf(settings.rate()));
            BigDecimal envCost = CostItems.total(envItems);
            BigDecimal movedCost = CostItems.total(moved);
            BigDecimal after = envCost.add(movedCost);
            BigDecimal saving = in.monthlyCost().subtract(after);
            Optional<BigDecimal> payback = saving.signum() > 0
                    ? Optional.of(effortCost.divide(saving, 2, RoundingMode.HALF_UP)) : Optional.empty();
            boolean pays = payback.isPresent() && payback.get().compareTo(BigDecimal.valueOf(settings.horizon())) <= 0;
            List<String> blocked = dags.values().stream().filter(d -> !moving.contains(d.dagId()) && !movable(d))
                    .map(d -> d.dagId() + " (" + hardReason(d) + ")").collect(Collectors.toList());
            if (!blocked.isEmpty()) {
                n.add(0, "stays, hard blocker: " + String.join("; ", blocked));
            }
            List<String> uncertain = moving.stream().filter(d -> dags.get(d).run().successProbability() < 0.5)
                    .collect(Collectors.toList());
            if (!uncertain.isEmpty()) {
                n.add("uncertain: " + String.join(", ", uncertain) + " simulate(s) below 50 % success, so their costs"
                        + " rest on runs that mostly fail");
            }
            List<CostItem> all = new ArrayList<>(envItems);
            all.addAll(moved);
            return new PlanOption(name, description, List.copyOf(moving), targets, decommission ? "" : classAfter,
                    decommission ? 0 : maxWorkersAfter, envCost, movedCost, after, saving, work, hours, effortCost,
                    payback, pays, false, n, envItems, all);
        }

        private void add(PlanOption o) {
            boolean duplicate = options.stream().anyMatch(x -> new HashSet<>(x.dagsMoving()).equals(new HashSet<>(o.dagsMoving()))
                    && x.classAfter().equals(o.classAfter()));
            if (!duplicate) {
                options.add(o);
            }
        }

        private PlanOption choose() {
            return options.stream().filter(PlanOption::paysBack)
                    .min(Comparator.comparing(PlanOption::monthlyCostAfter)
                            .thenComparingInt(o -> o.dagsMoving().size()))
                    .orElse(options.get(0));
        }

        private Finding finding(PlanOption chosen) {
            List<String> assumptions = new ArrayList<>();
            for (String d : chosen.dagsMoving()) {
                target(dags.get(d)).ifPresent(a -> assumptions.add(d + " on " + a.platform() + ": "
                        + Money.display(a.monthlyCost()) + " a month"));
            }
            assumptions.add(String.format(Locale.ROOT, "work: %s h at %s an hour (%s), payback %s months",
                    WorkItem.trim(chosen.effortHours()), Money.display(BigDecimal.valueOf(settings.rate())),
                    settings.source("hourlyRate"), chosen.paybackMonths().map(BigDecimal::toPlainString).orElse("never")));
            String title = "Environment " + spec.name() + ": " + chosen.name() + " — " + chosen.description();
            List<String> body = new ArrayList<>();
            body.add(chosen.description());
            chosen.workItems().forEach(w -> body.add("work: " + w.sentence()));
            body.addAll(chosen.notes());
            Change change = new Change(Change.Kind.TEXT, chosen.name() + " " + spec.name(), String.join("\n", body));
            return dev.flowcost.advisor.rule.Findings.priced(RULE, spec.name(), chosen.dagsMoving(), title,
                    in.costItems(), chosen.itemsAfter(), Finding.Confidence.MEDIUM, assumptions, List.of(), change,
                    Optional.empty());
        }

        private Optional<CostItem> scheduleItem(EnvironmentPlanInput.PlannedDag d) {
            if (!d.work().items().stream().anyMatch(w -> w.kind().equals("schedule")) || d.runsPerMonth().signum() <= 0) {
                return Optional.empty();
            }
            try {
                Rate r = Rate.from(in.prices(), in.region(), Services.EVENTBRIDGE_SCHEDULER, Services.INVOCATION);
                return Optional.of(CostItems.perExecution("EventBridge Scheduler invocations starting " + d.dagId(),
                        BigDecimal.ONE, CostItems.Volume.of(d.runsKey(), d.runsPerMonth()), r));
            } catch (RuntimeException missing) {
                return Optional.empty();
            }
        }

        private Set<String> staying(Set<String> moving) {
            Set<String> s = new LinkedHashSet<>(dags.keySet());
            s.removeAll(moving);
            return s;
        }

        /** Removes moving DAGs linked to a staying one until none is; returns those removed. */
        private List<String> closeOverLinks(Set<String> moving) {
            List<String> dropped = new ArrayList<>();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (String d : new ArrayList<>(moving)) {
                    if (links.get(d).stream().anyMatch(o -> !moving.contains(o))) {
                        moving.remove(d);
                        dropped.add(d);
                        changed = true;
                    }
                }
            }
            return dropped;
        }

        private boolean movable(EnvironmentPlanInput.PlannedDag d) {
            return d.work().movable() && target(d).isPresent();
        }

        private String hardReason(EnvironmentPlanInput.PlannedDag d) {
            return d.work().hardBlockers().isEmpty() ? "no Step Functions or MWAA Serverless price"
                    : d.work().hardBlockers().get(0);
        }
    }

    /** The cheapest platform a DAG can move to: Step Functions, or MWAA Serverless where it can run it. */
    static Optional<Alternative> target(EnvironmentPlanInput.PlannedDag d) {
        return d.migration().alternatives().stream()
                .filter(a -> a.platform().equals(DagMigration.STEP_FUNCTIONS) || a.platform().equals(DagMigration.MWAA_SERVERLESS))
                .min(Comparator.comparing(Alternative::monthlyCost)
                        .thenComparing(a -> a.platform().equals(DagMigration.STEP_FUNCTIONS) ? 0 : 1));
    }

    static String names(Set<String> ids) {
        List<String> l = new ArrayList<>(ids);
        if (l.size() <= 4) {
            return String.join(", ", l);
        }
        return String.join(", ", l.subList(0, 3)) + " and " + (l.size() - 3) + " more";
    }
}
