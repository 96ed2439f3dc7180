# The whole file hands its globals to dag-factory, which builds the DAGs from YAML files at parse time.
import dagfactory
from dagfactory import load_yaml_dags

load_yaml_dags(globals_dict=globals(), suffix=[".yml", ".yaml"])

factory = dagfactory.DagFactory("/usr/local/airflow/dags/config/reports.yml")
factory.clean_dags(globals())
factory.generate_dags(globals())
