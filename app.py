"""sq-layout — 宿迁产业布局地图: `streamlit run app.py`. Routes to the pages in ui/ (widgets and layout only)."""

import streamlit as st

from sq_layout.errors import UserError
from sq_layout.i18n import t
from sq_layout.paths import ROOT

# No page or nav icons: Material icons make the browser fetch a favicon from the internet.
st.set_page_config(page_title="宿迁产业布局地图 sq-layout", layout="wide")
page = st.navigation(
    [
        st.Page("ui/explorer.py", title="产业布局地图 Layout map", default=True),
        st.Page("ui/audit.py", title="规划审视 Plan audit", url_path="audit"),
        st.Page("ui/workspace.py", title="工作空间 Workspace", url_path="workspace"),
        st.Page("ui/boundaries.py", title="边界导入 Import boundaries", url_path="boundaries"),
        st.Page("ui/edit.py", title="编辑 Edit", url_path="edit"),
    ]
)
try:
    page.run()
except UserError as exc:  # a bad data file or value: say what to fix, never a traceback with server paths
    heading = f"{t('data_load_failed', 'zh')} · {t('data_load_failed', 'en')}"
    st.error(f"{heading}\n\n```\n{str(exc).replace(f'{ROOT}/', '')}\n```")
