package dev.flowcost.report.store;

import dev.flowcost.advisor.Advisor;
import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.Change;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.Graph;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import dev.flowcost.core.LazyList;
import dev.flowcost.report.KeptCopies;
import dev.flowcost.report.json.AnalysisJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a large estate's analysis on disk instead of in memory: as the advisor hands over each workflow, its whole
 * record and its findings are written to a temporary file (as the compact JSON of {@code analysis.json}), and the
 * analysis keeps a slim copy (the cost items, savings and targets its totals and rankings read, without the counts,
 * graph, alternatives, change text and curve). {@link #stored} then gives the analysis whose workflow and finding
 * lists read each whole record back from the file when asked ({@link LazyList}), so the reports render the estate
 * one workflow at a time and memory holds what the totals need, not every workflow whole.
 */
public final class AnalysisStore implements Advisor.WorkflowSink, AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final Map<Object, long[]> places = new IdentityHashMap<>();
    private long end;

    private AnalysisStore(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A store in a new temporary file, removed by {@link #close}. */
    public static AnalysisStore create() throws IOException {
        Path file = Files.createTempFile("flowcost-analysis.", ".jsonl");
        file.toFile().deleteOnExit();
        return new AnalysisStore(file);
    }

    @Override
    public synchronized Kept accept(WorkflowAnalysis workflow, List<Finding> findings) {
        WorkflowAnalysis slim = new WorkflowAnalysis(workflow.name(), workflow.kind(), workflow.file(),
                workflow.workflowType(), workflow.executionsPerMonth(), workflow.executionsKey(), workflow.costItems(),
                workflow.monthlyCost(), List.of(), Graph.empty(), List.of(), workflow.verdict(), workflow.blockers(),
                workflow.defaultsUsed(), workflow.verdictReasons());
        places.put(slim, append(AnalysisJson.workflowLine(workflow)));
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Finding s = new Finding(f.rule(), f.workflow(), f.targets(), f.title(), f.monthlyCostNow(),
                    f.monthlyCostAfter(), f.monthlySaving(), f.confidence(), f.assumptions(), f.blockers(),
                    new Change(f.change().kind(), f.change().summary(), ""), f.itemsNow(), f.itemsAfter(),
                    Optional.empty());
            places.put(s, append(AnalysisJson.findingLine(f)));
            kept.add(s);
        }
        return new Kept(slim, kept);
    }

    /**
     * {@code slim} (what {@link Advisor#analyze} made with this store as its sink) with every workflow and finding it
     * kept a slim copy of read back whole from the file as it is asked for; the rest stays as it is.
     */
    public Analysis stored(Analysis slim) {
        List<WorkflowAnalysis> workflows = lazy(slim.workflows(), AnalysisJson::readWorkflow);
        List<Finding> findings = lazy(slim.findings(), AnalysisJson::readFinding);
        return new Analysis(slim.schemaVersion(), slim.region(), slim.inputs(), workflows, slim.environments(),
                slim.credits(), findings, slim.assumptions(), slim.prices(), slim.diagnostics(), slim.totals());
    }

    /** Each element read back from its place in the file; one the store never saw (an environment's) as it is. */
    private <T> List<T> lazy(List<T> kept, java.util.function.Function<byte[], T> read) {
        List<Object> at = new ArrayList<>(kept.size());
        boolean any = false;
        for (T t : kept) {
            long[] place = places.get(t);
            any |= place != null;
            at.add(place != null ? place : t);
        }
        if (!any) {
            return kept;
        }
        return new StoredList<>(kept, at, read);
    }

    /**
     * The elements at their places in the file, read back when asked; their stored text at hand for copying, and
     * their slim copies for a pass that reads only what those keep.
     */
    private final class StoredList<T> extends LazyList<T> implements AnalysisJson.StoredLines, KeptCopies<T> {
        private final List<T> kept;
        private final List<Object> at;
        private final java.util.function.Function<byte[], T> read;

        StoredList(List<T> kept, List<Object> at, java.util.function.Function<byte[], T> read) {
            this.kept = List.copyOf(kept);
            this.at = at;
            this.read = read;
        }

        @Override
        public List<T> kept() {
            return kept;
        }

        @Override
        public T get(int index) {
            Object o = at.get(index);
            @SuppressWarnings("unchecked")
            T t = o instanceof long[] place ? read.apply(readAt(place)) : (T) o;
            return t;
        }

        @Override
        public int size() {
            return at.size();
        }

        @Override
        public Optional<byte[]> line(int index) {
            return at.get(index) instanceof long[] place ? Optional.of(readAt(place)) : Optional.empty();
        }
    }

    private long[] append(byte[] bytes) {
        try {
            long start = end;
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                end += channel.write(buffer, end);
            }
            return new long[]{start, bytes.length};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the analysis store " + file, e);
        }
    }

    private byte[] readAt(long[] place) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(place[1]));
            long position = place[0];
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + buffer.position());
                if (n < 0) {
                    throw new IOException("the analysis store " + file + " ended early");
                }
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the analysis store " + file, e);
        }
    }

    /** Removes the file; the stored analysis can no longer be read. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
