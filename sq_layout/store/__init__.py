"""The workspace store: plan versions in SQLite (default) or PostgreSQL/PostGIS, loaded and saved as Datasets."""

from sq_layout.store import auth_tables, edit_tables, invest_tables  # noqa: F401  (their tables join the schema and the checksum)
from sq_layout.store.workspace_store import VersionInfo, Workspace, open_workspace

__all__ = ["VersionInfo", "Workspace", "open_workspace"]
