"""The bundled rule set (installed as ``jianfu.ruleset``): data files only."""
