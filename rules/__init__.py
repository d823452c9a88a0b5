"""Rule files (YAML) and the pure engine that applies them: (fields, rules, today) -> flags, deadlines."""
