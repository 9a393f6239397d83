"""What lintrials knows about the field, apart from the machinery that runs checks.

Ages and criteria, dates and statuses, phone numbers, places, names and word lists. Checks
import this package; it imports neither the checks nor the engine (a test keeps it so).
"""
