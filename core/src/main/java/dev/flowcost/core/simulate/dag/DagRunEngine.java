package dev.flowcost.core.simulate.dag;

import dev.flowcost.core.simulate.dag.CompiledDag.Plan;
import dev.flowcost.core.simulate.dag.CompiledDag.SensorKind;
import dev.flowcost.core.workload.ItemCount;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The discrete-event core shared by the one-DAG and whole-environment simulators: DAG runs whose task attempts queue
 * for worker slots, pools, parallelism and max_active_tasks, in one event queue ordered by time then by insertion, so
 * a seed gives one result. Slots are held only while an attempt "holds" (a reschedule sensor's poke, a deferrable
 * task's defer and resume); retry delays and sensor gaps hold none.
 */
final class DagRunEngine {

    static final byte PENDING = 0;
    static final byte SUCCESS = 1;
    static final byte FAILED = 2;
    static final byte UPSTREAM_FAILED = 3;
    static final byte SKIPPED = 4;

    /** Watches time pass and runs end; the environment simulator integrates its timeline here. */
    interface Observer {
        /** Called before the clock moves from {@code from} to {@code to}, with the engine still in its old state. */
        void advance(double from, double to);

        /** Called after each event once ready attempts were dispatched. */
        void afterEvent(double now);

        void runFinished(Run run);
    }

    /** One DAG run in flight. */
    static final class Run {
        final CompiledDag dag;
        final double start;
        final byte[] state;
        final boolean[] decided;
        final int[] nSuccess;
        final int[] nFailed;
        final int[] nUpFailed;
        final int[] nSkipped;
        final int[] pendingInstances;
        final boolean[] instanceFailed;
        final int[] taskInstances;
        final double[] taskSlotSeconds;
        final List<TaskAttempt> trace;
        int undone;
        double end = Double.NaN;
        int instances;
        double slotSeconds;
        int running;
        int peakRunning;

        Run(CompiledDag dag, double start, boolean trace) {
            this.dag = dag;
            this.start = start;
            int n = dag.size();
            state = new byte[n];
            decided = new boolean[n];
            nSuccess = new int[n];
            nFailed = new int[n];
            nUpFailed = new int[n];
            nSkipped = new int[n];
            pendingInstances = new int[n];
            instanceFailed = new boolean[n];
            taskInstances = new int[n];
            taskSlotSeconds = new double[n];
            this.trace = trace ? new ArrayList<>() : null;
            undone = n;
        }

        boolean finished() {
            return undone == 0;
        }

        /** Success unless a leaf task failed or was upstream_failed (Airflow's DAG run state). */
        boolean succeeded() {
            if (!finished()) {
                return false;
            }
            for (int i = 0; i < state.length; i++) {
                if (dag.leaf[i] && (state[i] == FAILED || state[i] == UPSTREAM_FAILED)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One attempt of one task instance: a number of slot holds separated by gaps. */
    private static final class Job {
        final Run run;
        final int task;
        final int mapIndex;
        final int tryNumber;
        final double hold;
        final double gap;
        final boolean fails;
        final boolean retryable;
        int holdsLeft;
        double firstStart = Double.NaN;
        double slotSeconds;

        Job(Run run, int task, int mapIndex, int tryNumber, int holds, double hold, double gap, boolean fails,
            boolean retryable) {
            this.run = run;
            this.task = task;
            this.mapIndex = mapIndex;
            this.tryNumber = tryNumber;
            this.holdsLeft = holds;
            this.hold = hold;
            this.gap = gap;
            this.fails = fails;
            this.retryable = retryable;
        }
    }

    private static final int END_HOLD = 0;
    private static final int READY = 1;
    private static final int RUN_START = 2;
    private static final int CUSTOM = 3;

    private static final class Event implements Comparable<Event> {
        final double time;
        final long seq;
        final int type;
        final Object payload;

        Event(double time, long seq, int type, Object payload) {
            this.time = time;
            this.seq = seq;
            this.type = type;
            this.payload = payload;
        }

        @Override
        public int compareTo(Event o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final List<CompiledDag> dags;
    private final DagSimulationSettings settings;
    private final SplittableRandom rng;
    private final boolean trace;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final Map<String, Integer> poolIndex = new HashMap<>();
    private final int[][] taskPool;
    private final int[] poolSize;
    private final int[] poolUsed;
    private final int[] runningPerDag;
    private final int[] activeRunsPerDag;
    private final List<ArrayDeque<Double>> waitingRunStarts = new ArrayList<>();
    private final double[] slotSecondsPerDag;
    private final long[] instancesPerDag;
    private final int[] runsStartedPerDag;
    private final int[] queuedPerDag;
    private Observer observer;
    private long seq;
    private double now;
    private int slotCapacity;
    private int running;
    private int peakRunning;
    private int liveRuns;

    DagRunEngine(List<CompiledDag> dags, DagSimulationSettings settings, int slotCapacity, SplittableRandom rng,
                 boolean trace) {
        this.dags = dags;
        this.settings = settings;
        this.rng = rng;
        this.trace = trace;
        this.slotCapacity = slotCapacity;
        taskPool = new int[dags.size()][];
        List<Integer> sizes = new ArrayList<>();
        for (int d = 0; d < dags.size(); d++) {
            CompiledDag cd = dags.get(d);
            taskPool[d] = new int[cd.size()];
            for (int t = 0; t < cd.size(); t++) {
                String pool = cd.plans[t].pool;
                Integer p = poolIndex.get(pool);
                if (p == null) {
                    p = sizes.size();
                    poolIndex.put(pool, p);
                    sizes.add(settings.poolSize(pool));
                }
                taskPool[d][t] = p;
            }
            waitingRunStarts.add(new ArrayDeque<>());
        }
        poolSize = sizes.stream().mapToInt(Integer::intValue).toArray();
        poolUsed = new int[poolSize.length];
        runningPerDag = new int[dags.size()];
        activeRunsPerDag = new int[dags.size()];
        slotSecondsPerDag = new double[dags.size()];
        instancesPerDag = new long[dags.size()];
        runsStartedPerDag = new int[dags.size()];
        queuedPerDag = new int[dags.size()];
    }

    private void enqueue(Job j) {
        queue.add(j);
        queuedPerDag[j.run.dag.index]++;
    }

    /**
     * Tasks that would hold worker slots if slots were unlimited: those running plus those queued that their DAG's
     * max_active_tasks and core.parallelism would let start (pools are not counted). Celery only sees these, so they
     * are what MWAA's autoscaling reacts to.
     */
    int slotDemand() {
        if (queue.isEmpty()) {
            return running;
        }
        long demand = running;
        for (int d = 0; d < queuedPerDag.length; d++) {
            if (queuedPerDag[d] > 0) {
                demand += Math.max(0, Math.min(queuedPerDag[d], dags.get(d).maxActiveTasks - runningPerDag[d]));
            }
        }
        return (int) Math.min(demand, settings.parallelism());
    }

    int slotCapacity() {
        return slotCapacity;
    }

    void setObserver(Observer observer) {
        this.observer = observer;
    }

    /** Changes the worker slots (autoscaling) and lets queued attempts take new ones. */
    void setSlotCapacity(int slots) {
        slotCapacity = slots;
        dispatch();
    }

    void scheduleRun(int dagIndex, double time) {
        push(time, RUN_START, dagIndex);
    }

    /** Starts a run of the DAG now (or queues the start behind max_active_runs); for use inside scheduled actions. */
    void requestRunNow(int dagIndex) {
        requestRun(dagIndex);
    }

    void schedule(double time, Runnable action) {
        push(time, CUSTOM, action);
    }

    double now() {
        return now;
    }

    int running() {
        return running;
    }

    int queued() {
        return queue.size();
    }

    int peakRunning() {
        return peakRunning;
    }

    /** Whether any run is in flight or waiting to start. */
    boolean busy() {
        if (liveRuns > 0) {
            return true;
        }
        for (ArrayDeque<Double> w : waitingRunStarts) {
            if (!w.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    double slotSecondsOfDag(int d) {
        return slotSecondsPerDag[d];
    }

    long instancesOfDag(int d) {
        return instancesPerDag[d];
    }

    int runsStartedOfDag(int d) {
        return runsStartedPerDag[d];
    }

    /** The single run the one-DAG simulator starts. */
    private Run lastStarted;

    Run lastStarted() {
        return lastStarted;
    }

    /** Processes events until none remain. */
    void runToEnd() {
        while (!events.isEmpty()) {
            Event e = events.poll();
            if (e.time > now) {
                if (observer != null) {
                    observer.advance(now, e.time);
                }
                now = e.time;
            }
            handle(e);
            dispatch();
            if (observer != null) {
                observer.afterEvent(now);
            }
        }
    }

    private void push(double time, int type, Object payload) {
        events.add(new Event(time, seq++, type, payload));
    }

    private void handle(Event e) {
        switch (e.type) {
            case END_HOLD -> endHold((Job) e.payload);
            case READY -> enqueue((Job) e.payload);
            case RUN_START -> requestRun((Integer) e.payload);
            case CUSTOM -> ((Runnable) e.payload).run();
            default -> throw new IllegalStateException("unknown event " + e.type);
        }
    }

    private void requestRun(int d) {
        CompiledDag cd = dags.get(d);
        if (activeRunsPerDag[d] >= cd.maxActiveRuns) {
            waitingRunStarts.get(d).add(now);
            return;
        }
        startRun(d);
    }

    private void startRun(int d) {
        CompiledDag cd = dags.get(d);
        activeRunsPerDag[d]++;
        runsStartedPerDag[d]++;
        liveRuns++;
        Run run = new Run(cd, now, trace);
        lastStarted = run;
        if (cd.size() == 0) {
            finishRun(run);
            return;
        }
        ArrayDeque<int[]> work = new ArrayDeque<>();
        for (int t = 0; t < cd.size(); t++) {
            Plan p = cd.plans[t];
            if (cd.up[t].length == 0 || p.rule == dev.flowcost.core.dag.TriggerRule.ALWAYS) {
                run.decided[t] = true;
                launch(run, t, work);
            }
        }
        settle(run, work);
    }

    private void launch(Run run, int t, ArrayDeque<int[]> work) {
        Plan p = run.dag.plans[t];
        long items = p.mapped ? sampleItems(p.items) : 1;
        if (items <= 0) {
            work.add(new int[] {t, SKIPPED});
            return;
        }
        run.pendingInstances[t] = (int) Math.min(Integer.MAX_VALUE, items);
        for (int m = 0; m < run.pendingInstances[t]; m++) {
            enqueue(newAttempt(run, t, m, 1));
        }
    }

    private long sampleItems(ItemCount c) {
        if (c.min() == c.max()) {
            return c.min();
        }
        return c.min() + rng.nextLong(c.max() - c.min() + 1);
    }

    private Job newAttempt(Run run, int t, int mapIndex, int tryNumber) {
        Plan p = run.dag.plans[t];
        double length = p.duration.sample(rng);
        boolean fails = p.failureProbability > 0 && rng.nextDouble() < p.failureProbability;
        boolean retryable = true;
        if (p.sensor != SensorKind.NONE && length > p.sensorTimeout) {
            length = p.sensorTimeout;
            fails = true;
            retryable = false; // AirflowSensorTimeout is not retried
        }
        if (length > p.executionTimeout) {
            length = p.executionTimeout;
            fails = true;
        }
        switch (p.sensor) {
            case RESCHEDULE: {
                int pokes = (int) Math.min(1_000_000, Math.floor(length / p.pokeInterval) + 1);
                return new Job(run, t, mapIndex, tryNumber, pokes, TaskDurationDefaults.POKE_SECONDS,
                        p.pokeInterval, fails, retryable);
            }
            case DEFERRABLE:
                return new Job(run, t, mapIndex, tryNumber, 2, TaskDurationDefaults.POKE_SECONDS, length, fails,
                        retryable);
            case POKE:
            case NONE:
            default:
                return new Job(run, t, mapIndex, tryNumber, 1, length, 0, fails, retryable);
        }
    }

    private void dispatch() {
        if (queue.isEmpty()) {
            return;
        }
        int limit = Math.min(slotCapacity, settings.parallelism());
        if (running >= limit || !anyPoolFree()) {
            return; // nothing queued can start: skip the scan (a full pool with a long queue made it quadratic)
        }
        Iterator<Job> it = queue.iterator();
        while (running < limit && it.hasNext()) {
            Job j = it.next();
            CompiledDag cd = j.run.dag;
            if (runningPerDag[cd.index] >= cd.maxActiveTasks) {
                continue;
            }
            int pool = taskPool[cd.index][j.task];
            int need = cd.plans[j.task].poolSlots;
            if (poolUsed[pool] + need > poolSize[pool]) {
                continue;
            }
            it.remove();
            queuedPerDag[cd.index]--;
            start(j, pool, need);
            if (poolUsed[pool] >= poolSize[pool] && !anyPoolFree()) {
                break;
            }
        }
    }

    private boolean anyPoolFree() {
        for (int p = 0; p < poolSize.length; p++) {
            if (poolUsed[p] < poolSize[p]) {
                return true;
            }
        }
        return false;
    }

    private void start(Job j, int pool, int need) {
        Run run = j.run;
        running++;
        peakRunning = Math.max(peakRunning, running);
        runningPerDag[run.dag.index]++;
        poolUsed[pool] += need;
        run.running++;
        run.peakRunning = Math.max(run.peakRunning, run.running);
        if (Double.isNaN(j.firstStart)) {
            j.firstStart = now;
            run.instances++;
            run.taskInstances[j.task]++;
            instancesPerDag[run.dag.index]++;
        }
        j.slotSeconds += j.hold;
        run.slotSeconds += j.hold;
        run.taskSlotSeconds[j.task] += j.hold;
        slotSecondsPerDag[run.dag.index] += j.hold;
        push(now + j.hold, END_HOLD, j);
    }

    private void endHold(Job j) {
        Run run = j.run;
        CompiledDag cd = run.dag;
        running--;
        runningPerDag[cd.index]--;
        poolUsed[taskPool[cd.index][j.task]] -= cd.plans[j.task].poolSlots;
        run.running--;
        j.holdsLeft--;
        if (j.holdsLeft > 0) {
            push(now + j.gap, READY, j);
            return;
        }
        if (run.trace != null) {
            run.trace.add(new TaskAttempt(cd.plans[j.task].taskId, j.mapIndex, j.tryNumber, j.firstStart - run.start,
                    now - run.start, j.slotSeconds, !j.fails));
        }
        Plan p = cd.plans[j.task];
        if (j.fails && j.retryable && j.tryNumber <= p.retries) {
            push(now + retryDelay(p, j.tryNumber), READY, newAttempt(run, j.task, j.mapIndex, j.tryNumber + 1));
            return;
        }
        if (j.fails) {
            run.instanceFailed[j.task] = true;
        }
        if (--run.pendingInstances[j.task] == 0) {
            ArrayDeque<int[]> work = new ArrayDeque<>();
            work.add(new int[] {j.task, run.instanceFailed[j.task] ? FAILED : SUCCESS});
            settle(run, work);
        }
    }

    /** Delay before retry number {@code n} (1-based): retry_delay, or retry_delay × 2^(n−1) capped by max_retry_delay. */
    static double retryDelay(Plan p, int n) {
        if (!p.exponentialBackoff) {
            return p.retryDelay;
        }
        double d = p.retryDelay * Math.pow(2, n - 1);
        return Math.min(d, p.maxRetryDelay);
    }

    /** Applies terminal states and everything they decide downstream (branch skips, trigger rules, skip propagation). */
    private void settle(Run run, ArrayDeque<int[]> work) {
        CompiledDag cd = run.dag;
        while (!work.isEmpty()) {
            int[] w = work.poll();
            int t = w[0];
            byte st = (byte) w[1];
            if (run.state[t] != PENDING) {
                continue;
            }
            run.decided[t] = true;
            run.state[t] = st;
            run.undone--;
            int[] ds = cd.down[t];
            Plan p = cd.plans[t];
            if (st == SUCCESS && p.branchCumulative != null && ds.length > 0) {
                double u = rng.nextDouble();
                int chosen = ds.length - 1;
                for (int k = 0; k < ds.length; k++) {
                    if (u < p.branchCumulative[k]) {
                        chosen = k;
                        break;
                    }
                }
                for (int k = 0; k < ds.length; k++) {
                    if (k != chosen && !run.decided[ds[k]]) {
                        run.decided[ds[k]] = true;
                        work.add(new int[] {ds[k], SKIPPED});
                    }
                }
            }
            for (int d : ds) {
                switch (st) {
                    case SUCCESS -> run.nSuccess[d]++;
                    case FAILED -> run.nFailed[d]++;
                    case UPSTREAM_FAILED -> run.nUpFailed[d]++;
                    default -> run.nSkipped[d]++;
                }
                if (run.decided[d]) {
                    continue;
                }
                TriggerRules.Decision decision = TriggerRules.decide(cd.plans[d].rule, cd.up[d].length,
                        run.nSuccess[d], run.nFailed[d], run.nUpFailed[d], run.nSkipped[d]);
                switch (decision) {
                    case RUN -> {
                        run.decided[d] = true;
                        launch(run, d, work);
                    }
                    case SKIP -> {
                        run.decided[d] = true;
                        work.add(new int[] {d, SKIPPED});
                    }
                    case UPSTREAM_FAILED -> {
                        run.decided[d] = true;
                        work.add(new int[] {d, UPSTREAM_FAILED});
                    }
                    default -> {
                    }
                }
            }
        }
        if (run.undone == 0 && Double.isNaN(run.end)) {
            finishRun(run);
        }
    }

    private void finishRun(Run run) {
        run.end = now;
        liveRuns--;
        int d = run.dag.index;
        activeRunsPerDag[d]--;
        if (observer != null) {
            observer.runFinished(run);
        }
        if (!waitingRunStarts.get(d).isEmpty()) {
            waitingRunStarts.get(d).poll();
            startRun(d);
        }
    }
}
