"""Settings and the process's runtime set-up (Prefect's home, database, telemetry), below the flows and the CLI."""
