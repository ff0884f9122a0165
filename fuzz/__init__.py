"""Coverage-guided fuzzing of careergraph (run through scripts/fuzz.sh)."""
