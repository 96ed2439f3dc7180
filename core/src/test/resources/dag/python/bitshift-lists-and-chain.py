from airflow import DAG
from airflow.models.baseoperator import chain, cross_downstream
from airflow.operators.empty import EmptyOperator as E

with DAG("shifts", schedule="@daily", catchup=False) as dag:
    a, b, c, d = [E(task_id=x) for x in ["a", "b", "c", "d"]]
    e = E(task_id="e")
    f = E(task_id="f")
    [a, b] >> c
    d << c
    c >> [e, f]
    g1 = E(task_id="g1")
    g2 = E(task_id="g2")
    h1 = E(task_id="h1")
    h2 = E(task_id="h2")
    chain(f, [g1, g2], [h1, h2])
    x = E(task_id="x")
    y = E(task_id="y")
    cross_downstream([h1, h2], [x, y])
