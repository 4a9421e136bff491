"""Association self-service: registration, emailed-link login and profile
updates that the coordinator approves through a Wagtail workflow."""
