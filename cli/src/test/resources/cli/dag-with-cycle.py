from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG("cyc", schedule="@daily") as dag:
    a = EmptyOperator(task_id="a")
    b = EmptyOperator(task_id="b")
    a >> b >> a
