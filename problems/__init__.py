"""The built-in problem bank (YAML data; see README.md in this folder)."""
