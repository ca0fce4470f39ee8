"""torkham: an offline-first evidence workbench for the Afghanistan–Pakistan security situation."""

__version__ = "0.1.0"
