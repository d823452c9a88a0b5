"""The JSON Schema of one `gapflow export` line, generated from the pydantic models.

`python -m schemas.jsonschema` rewrites schemas/export.schema.json; a test fails when the committed
file and the models disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

from schemas.models import ExportRecord

SCHEMA_FILE = Path(__file__).parent / "export.schema.json"


def export_schema() -> dict:
    schema = ExportRecord.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "gapflow export record"
    return schema


def render() -> str:
    return json.dumps(export_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(render(), encoding="utf-8")
    print(SCHEMA_FILE)
