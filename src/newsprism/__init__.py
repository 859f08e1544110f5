"""newsprism: compare how several outlets report one story."""
