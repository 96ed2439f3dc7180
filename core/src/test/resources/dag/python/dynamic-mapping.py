from airflow import DAG
from airflow.decorators import task
from airflow.providers.amazon.aws.operators.lambda_function import LambdaInvokeFunctionOperator

with DAG("mapping", schedule=None, catchup=False):
    @task
    def make_list():
        return [1, 2, 3]

    @task
    def double(x, factor):
        return x * factor

    nums = make_list()
    doubled = double.partial(factor=2).expand(x=nums)
    invoke = LambdaInvokeFunctionOperator.partial(task_id="invoke", function_name="score-fn").expand(
        payload=doubled)
    @task
    def total(values):
        return sum(values)
    total.override(task_id="sum_up")(invoke.output)
