"""jianfu (减负): checks draft 公文 against 《整治形式主义为基层减负若干规定》."""

__version__ = "0.1.0"
