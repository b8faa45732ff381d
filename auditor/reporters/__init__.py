"""Reporters only format: they take file results and write them out."""
