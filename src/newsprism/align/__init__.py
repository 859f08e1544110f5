"""Align: what the articles say together."""
