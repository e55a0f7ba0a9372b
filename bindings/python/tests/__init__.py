"""Tests of the custcadence Python binding (standard library unittest)."""
