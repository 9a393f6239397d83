"""What lintrials knows about the field, apart from the machinery that runs checks.

Ages and criteria, dates and statuses, phone numbers, places, names, interventions, word
lists and text folding. Checks import this package; it imports nothing of lintrials but itself
and the record model (tests/test_knowledge.py keeps it so).
"""
