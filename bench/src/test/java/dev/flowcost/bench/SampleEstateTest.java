package dev.flowcost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowcost.advisor.analysis.Analysis;
import dev.flowcost.advisor.analysis.CostItems;
import dev.flowcost.advisor.analysis.Finding;
import dev.flowcost.advisor.analysis.FreeTierCredit;
import dev.flowcost.advisor.analysis.WorkflowAnalysis;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SampleEstateTest {

    @Test
    void estateHasOneWorkflowAndOneFindingEach() {
        Analysis a = SampleEstate.of(200);

        assertThat(a.workflows()).hasSize(200);
        assertThat(a.findings()).hasSize(200);
        assertThat(a.workflows().get(199).name()).isEqualTo("wf-0199");
    }

    @Test
    void totalsAddUpFromTheParts() {
        Analysis a = SampleEstate.of(20);

        BigDecimal workflows = a.workflows().stream().map(WorkflowAnalysis::monthlyCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = a.credits().stream().map(FreeTierCredit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal saving = a.findings().stream().map(Finding::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(a.totals().monthlyCostNow()).isEqualByComparingTo(workflows.add(credits));
        assertThat(a.totals().monthlySaving()).isEqualByComparingTo(saving);
        assertThat(a.totals().monthlyCostAfter()).isEqualByComparingTo(workflows.add(credits).subtract(saving));
        // first workflow: 100 executions, 100 items; transitions (4 + 3 x 100) x 100 at 0.000025
        assertThat(CostItems.total(a.workflows().get(0).costItems().subList(0, 1)))
                .isEqualByComparingTo(new BigDecimal("0.76"));
    }
}
