# Dependencies made through the DAG object (set_dependency, get_task) and through an explicit XComArg.
from datetime import datetime

from airflow import DAG
from airflow.models.xcom_arg import XComArg
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import PythonOperator


def compute():
    return 42


dag = DAG("dag_methods_and_xcomarg", start_date=datetime(2024, 5, 1), schedule="@daily", catchup=False)

begin = EmptyOperator(task_id="begin", dag=dag)
produce = PythonOperator(task_id="produce", python_callable=compute, dag=dag)
consume = PythonOperator(task_id="consume", python_callable=print, op_args=[XComArg(produce)], dag=dag)
finish = EmptyOperator(task_id="finish", dag=dag)

dag.set_dependency("begin", "produce")
consume >> dag.get_task("finish")
