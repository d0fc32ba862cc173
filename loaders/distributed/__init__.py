"""Beyond one machine: the extraction stage on a distributed engine (Spark), and loading its N-Quads dump.

See docs/SCALING.md.
"""
