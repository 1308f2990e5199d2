"""Dialogs: New Alignment (import), Export, Preferences, Find and Replace, language pair, help, file choosers."""
