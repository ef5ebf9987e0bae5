"""Output formats of ``jianfu check``: text (like ruff), JSON (versioned contract), SARIF 2.1.0."""
