"""auditor: checks the arithmetic of Chinese budget and final-accounts disclosures."""

__version__ = "0.1.0"
