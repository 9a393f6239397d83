"""Built-in checks of lintrials, one module each, registered as plugins."""
