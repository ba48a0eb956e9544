"""Yardstick: a bare Streamlit page with one widget, to compare rerun costs against."""

import streamlit as st

st.multiselect("x", ["a", "b", "c"], key="x")
st.write(len(st.session_state.get("x", [])))
