from airflow import DAG
from airflow.providers.amazon.aws.sensors.s3 import S3KeySensor
from airflow.providers.amazon.aws.operators.ecs import EcsRunTaskOperator
from airflow.providers.amazon.aws.operators.step_function import StepFunctionStartExecutionOperator
from my_company.operators import FancyOperator

with DAG("sensors_aws", schedule="@daily", catchup=True):
    wait = S3KeySensor(task_id="wait", bucket_name="raw", bucket_key="in/*.csv", poke_interval=120,
                       timeout=3600, mode="reschedule", deferrable=True)
    run = EcsRunTaskOperator(task_id="run", cluster="prod", task_definition="etl:3", launch_type="FARGATE")
    sfn = StepFunctionStartExecutionOperator(task_id="sfn", state_machine_arn="arn:aws:states:eu-west-1:1:stateMachine:x")
    fancy = FancyOperator(task_id="fancy")
    wait >> run >> sfn >> fancy
