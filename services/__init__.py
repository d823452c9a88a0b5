"""What the command line and the review app both do to stored results (a flag decision, a case event,
a re-evaluation): decided once here. No Prefect: these answer in about a second."""
