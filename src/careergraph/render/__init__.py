"""Output: text for people, JSON for scripts, and the interactive HTML map."""
