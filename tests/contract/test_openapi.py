from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from service.cli import OPENAPI_PATH

ROOT = Path(__file__).resolve().parents[2]


def test_committed_openapi_document_matches_the_app() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "service", "openapi", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_operation_is_named_summarised_and_documents_problem_errors() -> None:
    document = json.loads(OPENAPI_PATH.read_text())
    operation_ids = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            operation_ids.append(operation["operationId"])
            assert operation["operationId"][0].islower(), (method, path)
            assert operation.get("summary"), (method, path)
            assert operation.get("tags"), (method, path)
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    content = response["content"]
                    assert list(content) == ["application/problem+json"], (method, path, status)
                    assert content["application/problem+json"]["schema"] == {
                        "$ref": "#/components/schemas/ProblemDetails"
                    }
    assert len(operation_ids) == len(set(operation_ids))
    # request bodies refuse unknown fields, and the document says so
    for body in ("StoryCreate", "VersionCreate"):
        assert document["components"]["schemas"][body]["additionalProperties"] is False
    # one list envelope everywhere (a thread's history also names its thread)
    for page in ("StoryPage", "VersionPage", "ClaimPage", "ThreadPage", "TimelinePage"):
        assert set(document["components"]["schemas"][page]["properties"]) == {"items", "next_cursor", "has_more"}
    assert set(document["components"]["schemas"]["ThreadHistory"]["properties"]) == {
        "thread",
        "items",
        "next_cursor",
        "has_more",
    }
