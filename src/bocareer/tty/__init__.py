"""The terminal side of interactive commands: the questionary Asker and the quiz session."""
