package dev.flowcost.bench;

import dev.flowcost.core.simulate.TailShare;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Map's batch search against Express's 5 minutes, as the batched-children rules ask it of a 10,000-workflow
 * estate about once per Map: over an iteration tail of 10,000 simulated durations (3 to 9 s, so the limit is passed
 * after about 50 iterations), how many of the 8,192 resampled batches of 50 iterations pass 300 s (about half). Each call takes
 * a new seed, so nothing is answered from the previous call's table. Run it as the launcher does with
 * {@code -jvmArgs -XX:TieredStopAtLevel=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchSearchBenchmark {

    private TailShare iteration;
    private long seed;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(5);
        double[] durations = new double[10_000];
        for (int i = 0; i < durations.length; i++) {
            durations[i] = 3 + random.nextDouble() * 6;
        }
        iteration = TailShare.of(durations);
        long over = iteration.sumCountOver(50, 1, 300);
        if (over < 1_000 || over > 8_000) { // the limit must be passed mid-walk, or the search times nothing
            throw new IllegalStateException("batches over the limit: " + over + " of 8,192");
        }
    }

    @Benchmark
    public long batchesOverExpressLimit() {
        return iteration.sumCountOver(50, ++seed, 300);
    }
}
