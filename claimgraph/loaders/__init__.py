"""Readers for article files and the extraction pipeline."""
