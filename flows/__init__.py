"""Prefect flows and thin task adapters: read file, call pure code, persist, move file."""
