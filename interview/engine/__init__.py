"""The session engine: interview logic with no terminal in it, driven by an injected clock."""
