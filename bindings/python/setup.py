"""Shim for installers without PEP 517 wheel support (no `wheel` package):
   pip install --no-build-isolation --no-use-pep517 bindings/python
The metadata lives in pyproject.toml."""
from setuptools import setup

setup()
