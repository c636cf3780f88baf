"""The dbt project Dagster runs: one path constant from hotline.config, nothing else.

``make manifest`` runs ``dbt parse`` so ``target/manifest.json`` exists before anything loads the definitions.
"""

from dagster_dbt import DbtProject

from hotline.config import DBT_PROJECT_DIR

hotline_dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
