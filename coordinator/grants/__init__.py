"""Grant calls (bidrag): funders, calls with deadlines, feeds, matching with
the register, deadline reminders and help requests to the coordinator."""
