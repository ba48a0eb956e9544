"""sq-layout — 宿迁产业布局地图: `streamlit run app.py`. Routes to the pages in ui/ (widgets and layout only)."""

import streamlit as st

# No page or nav icons: Material icons make the browser fetch a favicon from the internet.
st.set_page_config(page_title="宿迁产业布局地图 sq-layout", layout="wide")
st.navigation(
    [
        st.Page("ui/explorer.py", title="产业布局地图 Layout map", default=True),
        st.Page("ui/audit.py", title="规划审视 Plan audit", url_path="audit"),
        st.Page("ui/investment.py", title="招商地图 Investment map", url_path="investment"),
    ]
).run()
