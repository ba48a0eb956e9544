"""Each record table declared once (issue 21): columns, types, checks, zh/en headers, import help and drop-downs.

A low layer: it imports only pandera and SQLAlchemy (and the ground floor); the plan, the store, the importers, the
template and the exports make their schemas, tables, sheets and headers from it.
"""
