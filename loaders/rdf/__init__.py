"""syriakg package."""
