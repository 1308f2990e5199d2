"""Duiqi (对齐): a side-by-side Chinese–English alignment editor."""

__version__ = "0.1.0"
