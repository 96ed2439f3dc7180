"""Classic context-manager DAG with default_args and a chain of >> with lists."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.operators.bash import BashOperator
from airflow.providers.amazon.aws.operators.glue import GlueJobOperator as Glue
from airflow.utils.trigger_rule import TriggerRule

default_args = {
    "owner": "data",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
    "execution_timeout": timedelta(minutes=30),
    "pool": "etl_pool",
}

with DAG(
    dag_id="with_dag_context",
    schedule="0 3 * * *",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    max_active_tasks=4,
    tags=["etl", "glue"],
    default_args=default_args,
) as dag:
    start = EmptyOperator(task_id="start")
    extract = Glue(task_id="extract", job_name="extract-orders", script_location="s3://bucket/extract.py",
                   retries=5)
    clean = BashOperator(task_id="clean", bash_command="echo clean", pool_slots=2)
    audit = BashOperator(task_id="audit", bash_command='echo "audit"', trigger_rule=TriggerRule.ALL_DONE)
    end = EmptyOperator(task_id="end", trigger_rule="none_failed_min_one_success")

    start >> extract >> [clean, audit] >> end
