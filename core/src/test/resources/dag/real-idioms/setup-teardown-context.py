# "with setup >> teardown:" puts the block's tasks between them; a walrus binds inside a call;
# a task group ending in a teardown offers the work task before it as its leaf.
from datetime import datetime

from airflow.decorators import dag, setup, task, task_group, teardown


@dag(start_date=datetime(2024, 5, 1), schedule="@weekly", catchup=False)
def setup_teardown_context():
    @setup
    def open_cluster():
        return "cluster-7"

    @teardown
    def close_cluster():
        pass

    @task
    def warm_cache():
        pass

    @task
    def score():
        pass

    opened = open_cluster()
    closed = close_cluster()
    with opened >> closed:
        warm_cache() >> score()

    @task_group
    def scratch_space():
        @task
        def make_dir():
            return "/tmp/x"

        @task
        def fill(path):
            pass

        @task
        def wipe(path):
            pass

        fill(made := make_dir()) >> wipe(made).as_teardown(setups=made)

    opened >> scratch_space() >> closed


setup_teardown_context()
