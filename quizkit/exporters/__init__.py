"""Decks written out for people and other tools. One module per format."""
