"""The deployment guide's config example loads, and the API doc names every field the service returns."""

from __future__ import annotations

import re
from pathlib import Path

from jianfu.http.openapi import SCHEMAS
from jianfu.settings import load_file
from tests.deploy.conftest import REPO


def test_guide_config_example_is_valid(tmp_path: Path) -> None:
    guide = (REPO / "docs" / "部署指南.md").read_text("utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", guide, re.S)
    assert blocks
    for number, block in enumerate(blocks):
        path = tmp_path / f"example{number}.toml"
        path.write_text(block, "utf-8")
        load_file(path)  # raises SettingsError with the key if the example is wrong


def test_api_doc_names_every_response_field() -> None:
    doc = (REPO / "docs" / "http-api.md").read_text("utf-8")
    for schema in ("Finding", "Stats", "Health", "RuleDetail", "Settings"):
        for field in SCHEMAS[schema]["properties"]:
            assert f"`{field}`" in doc or f'"{field}"' in doc, (schema, field)
