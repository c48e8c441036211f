"""Files from people and other tools, read into notes. One module per format."""
