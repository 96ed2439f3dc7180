"""Marketing attribution: 15 tasks with fan-out, fan-in, a task group, a branch and a mapped task.

Exercises TaskFlow (@task), TaskGroup, a branch with trigger_rule none_failed_min_one_success,
dynamic task mapping (.expand) and chain().
"""
from datetime import datetime

from airflow.decorators import dag, task
from airflow.models.baseoperator import chain
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import BranchPythonOperator, PythonOperator
from airflow.utils.task_group import TaskGroup


def _choose(**_):
    return "full_refresh"


@dag(schedule="@hourly", start_date=datetime(2025, 1, 1), catchup=False, tags=["marketing"])
def marketing_attribution():
    start = EmptyOperator(task_id="start")

    with TaskGroup("extract") as extract:
        ads = PythonOperator(task_id="ads", python_callable=print)
        crm = PythonOperator(task_id="crm", python_callable=print)
        web = PythonOperator(task_id="web", python_callable=print)

    @task
    def list_campaigns():
        return ["c1", "c2", "c3"]

    @task
    def score_campaign(campaign):
        return campaign

    scored = score_campaign.expand(campaign=list_campaigns())

    choose = BranchPythonOperator(task_id="choose_mode", python_callable=_choose)
    full = PythonOperator(task_id="full_refresh", python_callable=print)
    incremental = PythonOperator(task_id="incremental", python_callable=print)
    merge = EmptyOperator(task_id="merge", trigger_rule="none_failed_min_one_success")

    with TaskGroup("publish") as publish:
        dashboards = PythonOperator(task_id="dashboards", python_callable=print)
        exports = PythonOperator(task_id="exports", python_callable=print)

    audit = PythonOperator(task_id="audit", python_callable=print)
    quality = PythonOperator(task_id="quality_check", python_callable=print, retries=2)
    end = EmptyOperator(task_id="end", trigger_rule="all_done")

    start >> extract >> scored
    chain(scored, choose, [full, incremental], merge)
    merge >> publish >> audit >> quality >> end


marketing_attribution()
