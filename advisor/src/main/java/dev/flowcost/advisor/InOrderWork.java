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
 * Inputs (state machines, then MWAA environments) analysed side by side, handed back in input order: a window of a
 * few per processor is in flight, so at most that many inputs and results are held at once, and each input is
 * dropped once analysed. One processor (or one input) runs them on the caller's thread. Each analysis is seeded on
 * its own, so the order of work does not change a number.
 *
 * @param <I> what is analysed
 * @param <O> what the analysis makes of one input
 */
final class InOrderWork<I, O> implements AutoCloseable {

    /** An input and what the advisor made of it. */
    record Done<I, O>(I input, O result) {
    }

    private final Iterator<I> inputs;
    private final Function<I, O> analyse;
    private final ExecutorService pool;
    private final int window;
    private final Deque<Future<Done<I, O>>> inFlight = new ArrayDeque<>();

    InOrderWork(Iterator<I> inputs, Function<I, O> analyse) {
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

    /** The next input in input order, analysed. Errors of the analysis are thrown as they were. */
    Done<I, O> next() {
        if (pool == null) {
            I input = inputs.next();
            return new Done<>(input, analyse.apply(input));
        }
        while (inFlight.size() < window && inputs.hasNext()) {
            I input = inputs.next();
            inFlight.add(pool.submit(() -> new Done<>(input, analyse.apply(input))));
        }
        Future<Done<I, O>> first = inFlight.removeFirst();
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
