"""Hotline: phone calls between heads of state, extracted from news articles. Plain Python, no Dagster."""
