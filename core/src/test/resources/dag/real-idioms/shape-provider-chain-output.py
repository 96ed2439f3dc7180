# Shape of a provider system-test DAG: one long chain of AWS operators, a sensor fed by .output,
# settings assigned after construction and a module-level cleanup task with trigger_rule ALL_DONE.
from datetime import datetime

from airflow.decorators import task
from airflow.models.baseoperator import chain
from airflow.models.dag import DAG
from airflow.providers.amazon.aws.operators.glue import GlueJobOperator
from airflow.providers.amazon.aws.operators.s3 import S3CreateBucketOperator, S3DeleteBucketOperator
from airflow.providers.amazon.aws.sensors.glue import GlueJobSensor
from airflow.utils.trigger_rule import TriggerRule


@task(trigger_rule=TriggerRule.ALL_DONE)
def drop_job(name):
    return name


with DAG(dag_id="shape_provider_chain_output", schedule="@once", start_date=datetime(2024, 5, 1), catchup=False):
    bucket = "shape-bucket"
    make_bucket = S3CreateBucketOperator(task_id="make_bucket", bucket_name=bucket)
    run_job = GlueJobOperator(task_id="run_job", job_name="shape-job", script_location=f"s3://{bucket}/job.py")
    run_job.wait_for_completion = False
    wait_job = GlueJobSensor(task_id="wait_job", job_name="shape-job", run_id=run_job.output)
    wait_job.poke_interval = 30
    remove_bucket = S3DeleteBucketOperator(task_id="remove_bucket", bucket_name=bucket,
                                           trigger_rule=TriggerRule.ALL_DONE, force_delete=True)
    chain(make_bucket, run_job, wait_job, drop_job("shape-job"), remove_bucket)
