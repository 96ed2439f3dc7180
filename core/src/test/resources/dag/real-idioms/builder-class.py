# DAGs built by a plain class: methods make the tasks, a subclass adds one, a classmethod and a staticmethod help.
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator


class FeedPipeline:
    owner = "feeds"

    def __init__(self, feed, schedule):
        self.feed = feed
        self.schedule = schedule
        self.dag = None

    @staticmethod
    def slug(text):
        return text.lower().replace(" ", "_")

    @classmethod
    def daily(cls, feed):
        return cls(feed, "@daily")

    def step(self, name):
        return BashOperator(task_id=f"{self.slug(self.feed)}_{name}", bash_command=f"run {name}",
                            owner=self.owner)

    def extra(self, last):
        return last

    def build(self):
        with DAG(f"feed_{self.slug(self.feed)}", start_date=datetime(2024, 5, 1), schedule=self.schedule,
                 catchup=False) as dag:
            begin = EmptyOperator(task_id="begin")
            last = begin >> self.step("fetch") >> self.step("store")
            self.extra(last)
        self.dag = dag
        return dag


class AuditedFeedPipeline(FeedPipeline):
    def extra(self, last):
        last >> BashOperator(task_id="audit", bash_command="run audit")


weather = FeedPipeline.daily("Weather Data").build()
prices = AuditedFeedPipeline("Prices", "0 * * * *").build()
