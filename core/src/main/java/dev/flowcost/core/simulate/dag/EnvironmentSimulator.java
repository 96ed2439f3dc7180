package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.Diagnostic;
import dev.flowcost.core.DiagnosticCode;
import dev.flowcost.core.SourceLocation;
import dev.flowcost.core.dag.EnvironmentClass;
import dev.flowcost.core.workload.EnvironmentSpec;
import dev.flowcost.core.workload.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Simulates a month of every DAG an MWAA environment hosts, sharing its worker slots, so the advisor can price the
 * extra workers autoscaling adds, split the environment's cost by each DAG's slot usage, and judge the environment's
 * size. Event-driven (no per-second stepping): a month of 730 hourly runs of 50 thirty-task DAGs takes well under a
 * few seconds.
 *
 * <p>Runs of a DAG with R runs a month start every hoursPerMonth/R hours, the i-th of n DAGs offset by i/n of its own
 * interval. Autoscaling model (documented assumptions, listed in the result): workers start at the minimum; when
 * attempts queue, enough workers to run everything running and queued are requested (up to the maximum) and arrive
 * {@link #SCALE_UP_DELAY_SECONDS} later (only attempts their DAG's max_active_tasks and parallelism would let start
 * count: Celery never sees the others); every {@link #CHECK_INTERVAL_SECONDS} the load is checked, and when fewer
 * workers would do for {@link #SCALE_DOWN_IDLE_SECONDS} in a row, workers drop to the most needed in that window (never
 * below the minimum). A class that does not autoscale (mw1.micro) keeps one worker.
 */
public final class EnvironmentSimulator {

    /** Delay between asking for workers and their slots being usable: 2 minutes. */
    public static final double SCALE_UP_DELAY_SECONDS = 120;
    /** How long surplus workers must stay unneeded before they are removed: 10 minutes. */
    public static final double SCALE_DOWN_IDLE_SECONDS = 600;
    /** How often the autoscaler looks at the load for scaling down: 1 minute. */
    public static final double CHECK_INTERVAL_SECONDS = 60;
    /** How long past the month's end runs may drain before the autoscaler stops looking: a year. */
    private static final double RUNAWAY_SECONDS = 366 * 24 * 3600.0;
    /** Width of a timeline slice: 10 minutes. */
    public static final double BUCKET_SECONDS = 600;
    /** Queueing for slots at maximum workers above this share of the slot-seconds used makes the environment TOO_SMALL: 1%. */
    public static final double TOO_SMALL_QUEUE_SHARE = 0.01;

    /**
     * A month with more task instances than this is simulated over its first part only, long enough for this many,
     * and its totals scaled up to the month: runs start on fixed intervals, so the first part of the month repeats.
     * A schedule faster than any real one (a 1 ms timedelta: 2.6 billion runs a month) then costs seconds, not hours.
     */
    public static final double MAX_SIMULATED_TASK_INSTANCES = 3_000_000;

    /** A month of {@link Workload#DEFAULT_HOURS_PER_MONTH} hours with Airflow's default limits. */
    public EnvironmentMonthResult simulate(EnvironmentSpec env, List<DagSchedule> dags, long seed) {
        return simulate(env, dags, Workload.DEFAULT_HOURS_PER_MONTH, defaultSettings(), seed);
    }

    /**
     * Airflow's defaults for max_active_tasks, max_active_runs and pools; parallelism unlimited so worker slots bind.
     */
    public static DagSimulationSettings defaultSettings() {
        return DagSimulationSettings.airflowDefaults().withParallelism(Integer.MAX_VALUE);
    }

    /**
     * Simulates the month.
     *
     * @param env           the environment (class, min and max workers)
     * @param dags          its DAGs with their runs per month
     * @param hoursPerMonth the month's length (730 by convention)
     * @param settings      parallelism, per-DAG limits and pool sizes; its worker slots are ignored (the autoscaler
     *                      decides them)
     * @param seed          random seed; the same inputs and seed give the same result
     */
    public EnvironmentMonthResult simulate(EnvironmentSpec env, List<DagSchedule> dags, double hoursPerMonth,
                                           DagSimulationSettings settings, long seed) {
        return simulate(env, dags, hoursPerMonth, settings, seed, MAX_SIMULATED_TASK_INSTANCES);
    }

    /**
     * Simulates the month, over its first part only when it has more than {@code maxTaskInstances} task instances
     * (see {@link #MAX_SIMULATED_TASK_INSTANCES}); a planner comparing many counterfactual months uses a lower cap so
     * each costs a fraction of a second, all at the same cap so their differences compare like with like.
     */
    public EnvironmentMonthResult simulate(EnvironmentSpec env, List<DagSchedule> dags, double hoursPerMonth,
                                           DagSimulationSettings settings, long seed, double maxTaskInstances) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        SourceLocation at = new SourceLocation("/environments/" + SourceLocation.escapeToken(env.name()), 0, 0);
        Optional<EnvironmentClass> parsed = EnvironmentClass.parse(env.environmentClass());
        if (parsed.isEmpty()) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.WORKLOAD_INVALID, "", at,
                    "environment " + env.name() + ": unknown environment class \""
                    + env.environmentClass() + "\" (expected mw1.micro, mw1.small, mw1.medium, mw1.large, mw1.xlarge"
                    + " or mw1.2xlarge); simulated as " + EnvironmentClass.FALLBACK.className()));
        }
        EnvironmentClass cls = parsed.orElse(EnvironmentClass.FALLBACK);
        int maxWorkers = Math.min(env.maxWorkers(), cls.maxWorkers());
        int minWorkers = Math.min(env.minWorkers(), maxWorkers);
        if (env.maxWorkers() > cls.maxWorkers()) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.WORKLOAD_DOUBTFUL, "", at,
                    "environment " + env.name() + ": " + cls.className()
                    + " allows at most " + cls.maxWorkers() + " worker(s); maxWorkers " + env.maxWorkers()
                    + " capped"));
        }
        double month = Math.max(0, hoursPerMonth) * 3600.0;
        defaults.add("autoscaling: workers requested when tasks queue arrive after " + (long) SCALE_UP_DELAY_SECONDS
                + " s; surplus workers removed after " + (long) SCALE_DOWN_IDLE_SECONDS + " s unneeded");
        defaults.add("runs spread evenly over the month (no cron alignment)");

        List<CompiledDag> compiled = new ArrayList<>();
        for (int i = 0; i < dags.size(); i++) {
            CompiledDag cd = new CompiledDag(dags.get(i).dag(), dags.get(i).workload(), settings, i);
            for (String d : cd.defaultsUsed) {
                defaults.add(cd.dag.dagId() + "." + d);
            }
            diagnostics.addAll(cd.diagnostics);
            compiled.add(cd);
        }
        double instances0 = 0;
        for (int i = 0; i < dags.size(); i++) {
            if (dags.get(i).runsPerMonth() > 0 && !compiled.get(i).cyclic) {
                instances0 += dags.get(i).runsPerMonth() * Math.max(1, dags.get(i).dag().tasks().size());
            }
        }
        double cap = Math.max(1, maxTaskInstances);
        double scale = instances0 > cap ? instances0 / cap : 1;
        double horizon = month / scale;
        if (scale > 1) {
            String pattern = String.format(java.util.Locale.ROOT, "%,.0f task instances a month: simulated the first"
                    + " %.1f hours of the month (%,.0f task instances) and scaled the totals ×%.4g", instances0,
                    horizon / 3600, cap, scale);
            defaults.add(pattern);
            diagnostics.add(Diagnostic.info(DiagnosticCode.SIM_NOTE, "", at, "environment " + env.name() + ": " + pattern
                    + " (runs start on fixed intervals, so the rest of the month repeats it)"));
        }
        DagRunEngine engine = new DagRunEngine(compiled, settings, cls.slots(minWorkers), new SplittableRandom(seed),
                false);
        Scaler scaler = new Scaler(engine, cls, minWorkers, maxWorkers, horizon);
        engine.setObserver(scaler);
        int n = dags.size();
        for (int i = 0; i < n; i++) {
            double runs = dags.get(i).runsPerMonth();
            if (runs <= 0 || horizon <= 0 || compiled.get(i).cyclic) {
                continue; // a cyclic DAG's runs could never end; its diagnostic says so
            }
            double interval = month / runs;
            scheduleRuns(engine, i, interval * i / n, 0, interval, horizon);
        }
        engine.schedule(0, scaler::check);
        engine.runToEnd();

        Map<String, Double> slotSeconds = new LinkedHashMap<>();
        Map<String, Long> instances = new LinkedHashMap<>();
        Map<String, Integer> runsByDag = new LinkedHashMap<>();
        double totalSlotSeconds = 0;
        for (int i = 0; i < n; i++) {
            String id = compiled.get(i).dag.dagId();
            slotSeconds.merge(id, engine.slotSecondsOfDag(i) * scale, Double::sum);
            instances.merge(id, Math.round(engine.instancesOfDag(i) * scale), Long::sum);
            runsByDag.merge(id, (int) Math.min(Integer.MAX_VALUE, Math.round(engine.runsStartedOfDag(i) * scale)),
                    (a, b) -> (int) Math.min(Integer.MAX_VALUE, (long) a + b));
            totalSlotSeconds += engine.slotSecondsOfDag(i) * scale;
        }
        int peakRunning = engine.peakRunning();
        SizingVerdict verdict;
        String reason;
        Optional<EnvironmentClass> smaller = cls.smaller();
        scaler.scaleTotals(scale);
        double queueLimit = TOO_SMALL_QUEUE_SHARE * totalSlotSeconds;
        if (scaler.queuedAtMax > queueLimit && scaler.queuedAtMax > 0) {
            verdict = SizingVerdict.TOO_SMALL;
            reason = String.format(java.util.Locale.ROOT, "tasks queued for slots %.0f task-seconds at the maximum of %d"
                    + " worker(s), over %.0f%% of the %.0f slot-seconds used", scaler.queuedAtMax, maxWorkers,
                    TOO_SMALL_QUEUE_SHARE * 100, totalSlotSeconds);
        } else if (n > cls.dagCapacity()) {
            verdict = SizingVerdict.TOO_SMALL;
            reason = n + " DAGs exceed " + cls.className() + "'s capacity of " + cls.dagCapacity();
        } else if (smaller.isPresent() && n <= smaller.get().dagCapacity()
                && peakRunning < smaller.get().slots(Math.min(minWorkers, smaller.get().maxWorkers()))) {
            EnvironmentClass s = smaller.get();
            int w = Math.min(minWorkers, s.maxWorkers());
            verdict = SizingVerdict.LARGER_THAN_NEEDED;
            reason = "peak " + peakRunning + " running task(s) fit " + s.className() + "'s " + s.slots(w)
                    + " slots at " + w + " worker(s), and " + n + " DAG(s) fit its capacity of " + s.dagCapacity();
        } else {
            verdict = SizingVerdict.OK;
            reason = "peak " + peakRunning + " running task(s) of " + cls.slots(maxWorkers) + " slots at most; "
                    + String.format(java.util.Locale.ROOT, "%.0f task-seconds queued at maximum workers",
                    scaler.queuedAtMax);
        }
        return new EnvironmentMonthResult(cls.className(), minWorkers, maxWorkers, hoursPerMonth, scaler.timeline(),
                scaler.extraWorkerSeconds / 3600.0, slotSeconds, instances, runsByDag, scaler.queuedSeconds,
                scaler.queuedAtMax, scaler.peakWorkers, peakRunning, verdict, reason, defaults, diagnostics);
    }

    /** Schedules the DAG's runs one at a time (each start schedules the next), keeping the event queue short. */
    private static void scheduleRuns(DagRunEngine engine, int dag, double offset, long k, double interval,
                                     double horizon) {
        double t = offset + k * interval;
        if (t >= horizon) {
            return;
        }
        engine.schedule(t, () -> {
            engine.requestRunNow(dag);
            scheduleRuns(engine, dag, offset, k + 1, interval, horizon);
        });
    }

    /** The autoscaler and the integrator of the month's timeline. */
    private static final class Scaler implements DagRunEngine.Observer {
        private final DagRunEngine engine;
        private final int tpw;
        private final int min;
        private final int max;
        private final double horizon;
        private final boolean autoscales;
        private final int buckets;
        private final double[] runningArea;
        private final double[] queuedArea;
        private final double[] workerArea;
        private final int[] peakRunning;
        private final int[] peakQueued;
        int workers;
        int pending;
        int peakWorkers;
        double surplusSince = -1;
        int windowNeed;
        double extraWorkerSeconds;
        double queuedSeconds;
        double queuedAtMax;

        Scaler(DagRunEngine engine, EnvironmentClass cls, int min, int max, double horizon) {
            this.engine = engine;
            this.tpw = cls.tasksPerWorker();
            this.min = min;
            this.max = max;
            this.horizon = horizon;
            this.autoscales = cls.autoscales() && max > min;
            this.workers = min;
            this.peakWorkers = min;
            buckets = (int) Math.ceil(horizon / BUCKET_SECONDS);
            runningArea = new double[buckets];
            queuedArea = new double[buckets];
            workerArea = new double[buckets];
            peakRunning = new int[buckets];
            peakQueued = new int[buckets];
        }

        @Override
        public void advance(double from, double to) {
            double dt = to - from;
            int running = engine.running();
            int queued = engine.queued();
            extraWorkerSeconds += (workers - min) * dt;
            queuedSeconds += queued * dt;
            if (workers >= max && queued > 0) {
                queuedAtMax += Math.max(0, engine.slotDemand() - engine.slotCapacity()) * dt;
            }
            if (from >= horizon) {
                return;
            }
            double end = Math.min(to, horizon);
            int b = (int) (from / BUCKET_SECONDS);
            while (b < buckets) {
                double bStart = b * BUCKET_SECONDS;
                double bEnd = bStart + BUCKET_SECONDS;
                double overlap = Math.min(end, bEnd) - Math.max(from, bStart);
                if (overlap > 0) {
                    runningArea[b] += running * overlap;
                    queuedArea[b] += queued * overlap;
                    workerArea[b] += workers * overlap;
                    peakRunning[b] = Math.max(peakRunning[b], running);
                    peakQueued[b] = Math.max(peakQueued[b], queued);
                }
                if (bEnd >= end) {
                    break;
                }
                b++;
            }
        }

        @Override
        public void afterEvent(double now) {
            if (!autoscales || engine.queued() == 0) {
                return;
            }
            int target = Math.min(max, ceilDiv(engine.slotDemand(), tpw));
            int add = target - workers - pending;
            if (add > 0) {
                pending += add;
                surplusSince = -1;
                engine.schedule(now + SCALE_UP_DELAY_SECONDS, () -> arrive(add));
            }
        }

        private void arrive(int add) {
            pending -= add;
            workers += add;
            peakWorkers = Math.max(peakWorkers, workers);
            engine.setSlotCapacity(workers * tpw);
        }

        @Override
        public void runFinished(DagRunEngine.Run run) {
        }

        void check() {
            double now = engine.now();
            if (autoscales && pending == 0 && workers > min) {
                int need = Math.max(min, ceilDiv(engine.slotDemand(), tpw));
                if (need < workers) {
                    if (surplusSince < 0) {
                        surplusSince = now;
                        windowNeed = need;
                    } else {
                        windowNeed = Math.max(windowNeed, need);
                        if (now - surplusSince >= SCALE_DOWN_IDLE_SECONDS) {
                            workers = Math.max(min, windowNeed);
                            engine.setSlotCapacity(workers * tpw);
                            surplusSince = -1;
                        }
                    }
                } else {
                    surplusSince = -1;
                }
            }
            boolean runaway = now > horizon + RUNAWAY_SECONDS; // a bug guard: runs should drain long before this
            if (!runaway && (now + CHECK_INTERVAL_SECONDS < horizon || engine.busy() || workers > min)) {
                engine.schedule(now + CHECK_INTERVAL_SECONDS, this::check);
            }
        }

        /** Scales the month's totals from the simulated part of the month to the whole of it. */
        void scaleTotals(double scale) {
            extraWorkerSeconds *= scale;
            queuedSeconds *= scale;
            queuedAtMax *= scale;
        }

        List<TimelineBucket> timeline() {
            List<TimelineBucket> out = new ArrayList<>(buckets);
            for (int b = 0; b < buckets; b++) {
                double width = Math.min(BUCKET_SECONDS, horizon - b * BUCKET_SECONDS);
                out.add(new TimelineBucket(b * BUCKET_SECONDS, runningArea[b] / width, peakRunning[b],
                        queuedArea[b] / width, peakQueued[b], workerArea[b] / width));
            }
            return out;
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }
}
