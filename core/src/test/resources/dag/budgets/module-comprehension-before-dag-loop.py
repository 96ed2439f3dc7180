# A 12,000-entry lookup table built at module level, then a DAG whose own loop makes 4 tasks.
# Module-level code and each DAG have their own loop budget: the table is cut (with a warning),
# the DAG keeps all 4 tasks.
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator

PARTITIONS = {f"p{i}": i for i in range(12000)}

with DAG("regional_load", start_date=datetime(2024, 1, 1), schedule="@daily", catchup=False):
    for region in ["eu", "us", "ap", "sa"]:
        EmptyOperator(task_id=f"load_{region}")
