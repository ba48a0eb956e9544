"""sq-layout — 宿迁产业布局地图: `streamlit run app.py`. Routes to the pages in ui/ (widgets and layout only).

`streamlit run` imports this file to find `app` (an st.App: the Streamlit page plus the sign-in routes and the
middleware that decides which client address and proxy headers to trust), then runs it as the page script."""

import streamlit as st

if __name__ != "__main__":  # imported by the server (uvicorn): build the ASGI app around this same script
    from starlette.middleware import Middleware

    from sq_layout.auth import web

    web.keep_tcp_peer()  # before uvicorn wraps `app` in its own X-Forwarded-For handling
    from ui import first_paint, warmup

    app = st.App(
        "app.py",
        routes=web.routes(),
        middleware=[
            Middleware(web.TrustedClient),
            Middleware(warmup.AreasServed),
            Middleware(first_paint.FirstPaint),  # the map pages' opening map drawn before the frontend has loaded
        ],
        lifespan=warmup.lifespan,  # the first map's imports and version, ready before a browser has the frontend
    )
else:
    from sq_layout.errors import UserError, WorkspaceBusy
    from sq_layout.i18n import Lang, t
    from sq_layout.paths import ROOT
    from ui.warmup import fonts_after_first_view

    # PDF fonts are converted once per machine, by a background process started once the first view is drawn
    fonts_after_first_view()
    # No page or nav icons: Material icons make the browser fetch a favicon from the internet.
    st.set_page_config(page_title="宿迁产业布局地图 sq-layout", layout="wide")
    # The navigation speaks the session's language (the view state; on a session's first run, the link's).
    from ui.state import session_lang

    lang: Lang = session_lang()
    page = st.navigation(
        [
            st.Page("ui/explorer.py", title=t("nav_map", lang), default=True),
            st.Page("ui/audit.py", title=t("nav_audit", lang), url_path="audit"),
            st.Page("ui/workspace.py", title=t("nav_workspace", lang), url_path="workspace"),
            st.Page("ui/boundaries.py", title=t("nav_boundaries", lang), url_path="boundaries"),
            st.Page("ui/investment.py", title=t("nav_investment", lang), url_path="investment"),
            st.Page("ui/edit.py", title=t("nav_edit", lang), url_path="edit"),
        ]
    )
    st.session_state["sq_page"] = page.url_path  # which guide the sidebar's Help link opens (ui/help.py)
    try:
        page.run()
    except WorkspaceBusy:  # a write gave up waiting (PostgreSQL lock or statement timeout) and was rolled back
        st.error(t("workspace_busy", lang))
    except UserError as exc:  # a bad data file or value: say what to fix, never a traceback with server paths
        st.error(f"{t('data_load_failed', lang)}\n\n```\n{exc.text(lang).replace(f'{ROOT}/', '')}\n```")
    except Exception as exc:  # anything else: the reader's language on the page, the traceback in the server log only
        import logging

        from sq_layout.cli import describe_failure

        logging.getLogger("sq_layout").exception("page %s failed", page.url_path or "/")
        failure = describe_failure(exc)
        st.error(t("workspace_busy" if failure and "busy" in failure[1] else "page_failed", lang))
