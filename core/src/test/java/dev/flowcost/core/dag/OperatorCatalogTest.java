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

    @Test
    void providerPackageClassifiesOperatorsTheNameAloneDoesNot() {
        assertThat(OperatorCatalog.classify("DataSyncOperator")).isEqualTo(OperatorFamily.UNKNOWN);
        assertThat(OperatorCatalog.classify("airflow.providers.amazon.aws.operators.datasync.DataSyncOperator"))
                .isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(OperatorCatalog.classify("airflow.providers.amazon.aws.transfers.sql_to_s3.SqlToS3Operator"))
                .isEqualTo(OperatorFamily.OTHER_SERVICE); // its name says SQL before the package is asked
        assertThat(OperatorCatalog.classify("airflow.providers.amazon.aws.transfers.mongo_to_s3.MongoToS3Operator"))
                .isEqualTo(OperatorFamily.WORKER_CODE);
        assertThat(OperatorCatalog.classify("airflow.providers.tableau.operators.tableau.TableauOperator"))
                .isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("airflow.providers.standard.operators.smooth.SmoothOperator"))
                .isEqualTo(OperatorFamily.UNKNOWN);
        assertThat(OperatorCatalog.classify("include.operators.custom.MyCompanyMagicOperator"))
                .isEqualTo(OperatorFamily.UNKNOWN);
    }

    @Test
    void podAndWarehouseOperatorsByNameDriveOtherServices() {
        assertThat(OperatorCatalog.classify("GKEStartPodOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("EksPodOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("TrinoOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("AirbyteTriggerSyncOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("FivetranOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("PapermillOperator")).isEqualTo(OperatorFamily.WORKER_CODE);
    }

    @Test
    void subDagAndDeferrableExternalSensorsAreCrossDag() {
        assertThat(OperatorCatalog.classify("SubDagOperator")).isEqualTo(OperatorFamily.CROSS_DAG);
        assertThat(OperatorCatalog.classify("airflow.operators.subdag.SubDagOperator")).isEqualTo(OperatorFamily.CROSS_DAG);
        assertThat(OperatorCatalog.classify("ExternalTaskSensorAsync")).isEqualTo(OperatorFamily.CROSS_DAG);
    }

    @Test
    void awsOperatorsMissingFromTheTableAreKnownByServicePrefix() {
        assertThat(OperatorCatalog.classify("EmrServerlessCreateApplicationOperator"))
                .isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(OperatorCatalog.classify("GlueDataQualityRuleSetEvaluationRunOperator"))
                .isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(OperatorCatalog.classify("EMRContainerOperator")).isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(OperatorCatalog.awsService("EMRContainerOperator")).contains("emr-containers");
        assertThat(OperatorCatalog.classify("EcsRegisterTaskDefinitionOperator")).isEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(OperatorCatalog.classify("BedrockInvokeModelOperator")).isEqualTo(OperatorFamily.AWS_SERVICE);
        // a transfer through the worker, a sensor, and a name that merely starts alike are not AWS operators
        assertThat(OperatorCatalog.classify("LambdaToSlackOperator")).isNotEqualTo(OperatorFamily.AWS_SERVICE);
        assertThat(OperatorCatalog.classify("EmrStepSensor")).isEqualTo(OperatorFamily.SENSOR);
        assertThat(OperatorCatalog.classify("Ecstatic")).isEqualTo(OperatorFamily.UNKNOWN);
        assertThat(OperatorCatalog.classify("GluecoseOperator")).isEqualTo(OperatorFamily.UNKNOWN);
    }

    @Test
    void greatExpectationsAndDbtGroupsAreClassified() {
        assertThat(OperatorCatalog.classify("GreatExpectationsOperator")).isEqualTo(OperatorFamily.WORKER_CODE);
        assertThat(OperatorCatalog.classify("DbtTaskGroup")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("BranchDateTimeOperator")).isEqualTo(OperatorFamily.BRANCH);
        assertThat(OperatorCatalog.classify("SqlSensor")).isEqualTo(OperatorFamily.SENSOR);
        assertThat(OperatorCatalog.classify("EmailOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("HttpOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
        assertThat(OperatorCatalog.classify("SQLExecuteQueryOperator")).isEqualTo(OperatorFamily.OTHER_SERVICE);
    }
}
