"""The check session shared by the CLI, the language server and the HTTP service."""

from jianfu.session.checking import Checked, CheckSession
from jianfu.session.parents import ParentCache
from jianfu.session.settings import SettingsResolver

__all__ = ["CheckSession", "Checked", "ParentCache", "SettingsResolver"]
