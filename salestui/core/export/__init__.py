"""Markdown documents made from stored meetings: pure functions of the database."""
