"""Turning a raw Thai post (title, photo list, free text) into draft records."""
