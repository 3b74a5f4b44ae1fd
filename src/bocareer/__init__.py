"""bocareer: career guidance for back-office work."""

__version__ = "0.1.0"
