"""The report: the published warehouse as a static HTML page with charts (``build_report``).

``queries`` holds every query (read-only, on the published file), ``charts`` the matplotlib figures, ``page`` the
HTML (a Jinja2 template, autoescaped) and the atomic write of the report folder.
"""

from hotline.report.page import build_report

__all__ = ["build_report"]
