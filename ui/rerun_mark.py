"""The page's run mark: which run of the session the page shows, for the browser tests to wait on (no fixed waits)."""

from __future__ import annotations

import streamlit as st

RUNS_KEY = "sq_runs"


def rerun_mark() -> None:
    """An empty style element carrying this session's run count (style only: no space, no text on the page)."""
    runs = int(st.session_state.get(RUNS_KEY, 0)) + 1
    st.session_state[RUNS_KEY] = runs
    st.html(f'<style data-sq-run="{runs}"></style>')
