"""The ``jianfu`` subcommands, one module each; ``jianfu.cli`` parses the arguments and dispatches."""

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
