"""Bracket and results service for esports competitions."""
