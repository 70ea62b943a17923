"""Benchmarks of claimgraph: ``make bench`` (``python -m bench``) runs them all.

They print ratios against baselines measured in the same run; they are not
tests. See ``bench/README.md``.
"""
