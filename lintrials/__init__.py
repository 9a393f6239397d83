"""lintrials: a linter for clinical-trial registry records."""

__version__ = "0.1.0"
