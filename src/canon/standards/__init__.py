"""The domain: standards, their rules and blocks, and loading them from YAML.

This package imports nothing else of canon; every other part builds on it.
"""
