package dev.flowcost.core.dag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorCatalogTest {

    @Test
    void classifiesOperatorFamiliesByShortNameOrDottedPath() {
        assertThat(OperatorCatalog.classify("airflow.providers.amazon.aws.operators.glue.GlueJobOperator"))
                .isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(OperatorCatalog.classify("S3KeySensor")).isEqualTo(OperatorFamily.SENSOR);
        assertThat(OperatorCatalog.classify("EmptyOperator")).isEqualTo(OperatorFamily.EMPTY);
        assertThat(OperatorCatalog.classify("BranchPythonOperator")).isEqualTo(OperatorFamily.BRANCH);
        assertThat(OperatorCatalog.classify("@task")).isEqualTo(OperatorFamily.WORKER_CODE);
        assertThat(OperatorCatalog.classify("@task.kubernetes")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("TriggerDagRunOperator")).isEqualTo(OperatorFamily.CROSS_DAG);
        assertThat(OperatorCatalog.classify("MyCompanyMagicOperator")).isEqualTo(OperatorFamily.UNKNOWN);
        assertThat(OperatorCatalog.classify("PostgresOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
    }

    @Test
    void timeSensorsDoNotWaitOnExternalState() {
        assertThat(OperatorCatalog.isExternalStateSensor("S3KeySensor")).isTrue();
        assertThat(OperatorCatalog.isExternalStateSensor("DateTimeSensor")).isFalse();
        assertThat(OperatorCatalog.isExternalStateSensor("TimeDeltaSensor")).isFalse();
        assertThat(OperatorCatalog.isExternalStateSensor("GlueJobOperator")).isFalse();
    }

    @Test
    void namesTheAwsServiceAnOperatorDrives() {
        assertThat(OperatorCatalog.awsService("GlueJobOperator")).contains("glue");
        assertThat(OperatorCatalog.awsService("EcsRunTaskOperator")).contains("ecs");
        assertThat(OperatorCatalog.awsService("S3KeySensor")).contains("s3");
        assertThat(OperatorCatalog.awsService("PythonOperator")).isEmpty();
    }
}
