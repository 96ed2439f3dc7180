package dev.flowcost.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

class WorkloadReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readerNeverThrows(byte[] data) {
        WorkloadReadResult yaml = new WorkloadReader().read("fuzz.yaml", data);
        WorkloadReadResult json = new WorkloadReader().read("fuzz.json", data);
        assertThat(yaml.workload().isPresent()).isNotEqualTo(yaml.hasErrors());
        assertThat(json.workload().isPresent()).isNotEqualTo(json.hasErrors());
    }
}
