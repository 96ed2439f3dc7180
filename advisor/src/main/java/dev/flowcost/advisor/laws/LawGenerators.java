package dev.flowcost.advisor.laws;

import dev.flowcost.advisor.price.PriceBook;
import dev.flowcost.advisor.price.PriceRow;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.util.List;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The generators laws draw from: volumes, durations and memory as the bill counts them, machines with their workload
 * shapes, and prices (unit prices, rows of the book in use to override). All are QuickTheories {@link Gen}s, so a
 * failure shrinks to a small counterexample.
 */
public final class LawGenerators {

    private final PriceBook prices;
    private final String region;

    LawGenerators(PriceBook prices, String region) {
        this.prices = prices;
        this.region = region;
    }

    /** A monthly count (transitions, requests, invocations) from 0 to {@code max}. */
    public Gen<Long> volumes(long max) {
        return longs().between(0, max);
    }

    /** A monthly count from 0 to 20 billion: past every tier edge of the book. */
    public Gen<Long> volumes() {
        return volumes(20_000_000_000L);
    }

    /** A task or execution duration in milliseconds, 0 to 15 minutes. */
    public Gen<Integer> durationsMillis() {
        return integers().between(0, 900_000);
    }

    /** Lambda / Express memory in MB, 1 to 10,240. */
    public Gen<Integer> memoryMb() {
        return integers().between(1, 10_240);
    }

    /** Executions a month, 0 to {@code max}. */
    public Gen<Integer> executions(int max) {
        return integers().between(0, max);
    }

    /** The built-in machines the advice laws analyse. */
    public Gen<LawMachine> machines() {
        return Generate.pick(LawMachine.builtIn());
    }

    /**
     * Workload shapes: 1 to {@code maxItems} items per run, {@code minSeconds} to {@code maxSeconds} per task, 0 to
     * {@code maxExecutions} executions a month.
     */
    public Gen<LawMachine.WorkloadShape> workloads(int maxItems, double minSeconds, double maxSeconds, int maxExecutions) {
        return integers().between(1, maxItems).zip(doubles().between(minSeconds, maxSeconds),
                integers().between(0, maxExecutions), (i, s, e) -> new LawMachine.WorkloadShape(i, s, e));
    }

    /** The usual shapes: up to 50,000 items, 1 ms to 20 s a task, up to 200,000 executions. */
    public Gen<LawMachine.WorkloadShape> workloads() {
        return workloads(50_000, 0.001, 20.0, 200_000);
    }

    /** A unit price from $0.000001 to $0.001 (a negotiated per-transition or per-request price). */
    public Gen<BigDecimal> unitPrices() {
        return integers().between(1, 1000).map(m -> BigDecimal.valueOf(m, 6));
    }

    /** Picks of rows of the book in use (any region), 0 to {@code max} of them, to override. */
    public Gen<List<PriceRow>> rowsOfTheBook(int max) {
        List<PriceRow> rows = prices.rows();
        return lists().of(integers().between(0, rows.size() - 1)).ofSizeBetween(0, max).map(ix -> ix.stream()
                .map(rows::get).toList());
    }

    /** Every tiered or untiered price dimension of the region, as {@code service/dimension} pairs. */
    public List<String[]> dimensionsOfTheRegion() {
        return prices.rows().stream().filter(r -> r.region().equals(region))
                .map(r -> r.service() + "\u0000" + r.dimension()).distinct().map(s -> s.split("\u0000")).toList();
    }
}
