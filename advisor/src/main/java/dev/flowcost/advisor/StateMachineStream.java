package dev.flowcost.advisor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * State machines analysed side by side, handed back in input order: a window of a few per processor is in flight,
 * so at most that many inputs and results are held at once, and each input is dropped once analysed. One processor
 * (or one machine) runs them on the caller's thread. Each analysis is seeded on its own, so the order of work does
 * not change a number.
 */
final class StateMachineStream implements AutoCloseable {

    /** An input and what the advisor made of it. */
    record Done(StateMachineInput input, Advisor.StateMachineResult result) {
    }

    private final Iterator<StateMachineInput> inputs;
    private final Function<StateMachineInput, Advisor.StateMachineResult> analyse;
    private final ExecutorService pool;
    private final int window;
    private final Deque<Future<Done>> inFlight = new ArrayDeque<>();

    StateMachineStream(Iterator<StateMachineInput> inputs, Function<StateMachineInput, Advisor.StateMachineResult> analyse) {
        this.inputs = inputs;
        this.analyse = analyse;
        int processors = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = processors == 1 ? null : Executors.newFixedThreadPool(processors, r -> {
            Thread t = new Thread(r, "flowcost-analyse");
            t.setDaemon(true);
            return t;
        });
        this.window = processors * 4;
    }

    boolean hasNext() {
        return !inFlight.isEmpty() || inputs.hasNext();
    }

    /** The next state machine in input order, analysed. Errors of the analysis are thrown as they were. */
    Done next() {
        if (pool == null) {
            StateMachineInput sm = inputs.next();
            return new Done(sm, analyse.apply(sm));
        }
        while (inFlight.size() < window && inputs.hasNext()) {
            StateMachineInput sm = inputs.next();
            inFlight.add(pool.submit(() -> new Done(sm, analyse.apply(sm))));
        }
        Future<Done> first = inFlight.removeFirst();
        try {
            return first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while analysing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }
}
