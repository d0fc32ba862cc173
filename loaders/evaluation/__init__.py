"""Scoring a graph against gold annotations (`syriakg evaluate`); see `syriakg.loaders.evaluate`."""
