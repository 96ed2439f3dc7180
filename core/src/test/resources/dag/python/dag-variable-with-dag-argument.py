from airflow.models import DAG
from airflow.operators.python import PythonOperator
import datetime as dt


def hello():
    print("hi")


dag = DAG("dag_variable", schedule_interval="@hourly", start_date=dt.datetime(2023, 5, 1))

first = PythonOperator(task_id="first", python_callable=hello, dag=dag)
second = PythonOperator(task_id="second", python_callable=hello, dag=dag)
third = PythonOperator(task_id="third", python_callable=hello, dag=dag)
first.set_downstream(second)
third.set_upstream(second)
