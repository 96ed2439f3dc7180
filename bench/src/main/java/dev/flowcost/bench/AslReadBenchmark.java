package dev.flowcost.bench;

import dev.flowcost.core.asl.AslReadResult;
import dev.flowcost.core.asl.AslReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue target: validating 300 definitions of 10 to 40 states takes under 3 s wall including JVM start
 * (bench/scripts/validate-300.sh times that); this times the in-process reading and validation of all 300, warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AslReadBenchmark {

    public static final int DEFINITIONS = 300;

    private byte[][] definitions;
    private String[] names;

    @Setup
    public void setUp() {
        definitions = new byte[DEFINITIONS][];
        names = new String[DEFINITIONS];
        for (int i = 0; i < DEFINITIONS; i++) {
            names[i] = "def-%03d.asl.json".formatted(i);
            definitions[i] = AslGenerator.realistic(i);
            AslReadResult r = new AslReader().read(names[i], definitions[i]);
            if (r.hasErrors()) {
                throw new IllegalStateException("generated " + names[i] + " has errors: " + r.diagnostics());
            }
        }
    }

    @Benchmark
    public void readAll300(Blackhole bh) {
        AslReader reader = new AslReader();
        for (int i = 0; i < DEFINITIONS; i++) {
            bh.consume(reader.read(names[i], definitions[i]));
        }
    }
}
