"""/docs works offline: the page loads Swagger UI from this server only, and it is there."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from edge_fakes import edge_app
from fastapi.testclient import TestClient


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(edge_app()) as client:
        yield client


def test_the_docs_page_loads_every_asset_from_this_server(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200

    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']|url: ?["']([^"']+)["']""", page.text)
    urls = [a or b for a, b in urls]
    assert any(u.endswith("swagger-ui-bundle.js") for u in urls)
    assert any(u.endswith("swagger-ui.css") for u in urls)
    assert "://" not in page.text  # no CDN, no other host
    for url in urls:
        assert url.startswith("/"), url
        answer = client.get(url)
        assert answer.status_code == 200, url
        assert answer.content, url


def test_the_bundled_swagger_ui_reads_openapi_3_1(client: TestClient) -> None:
    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")
    bundle = client.get("/docs-assets/swagger-ui-bundle.js").text
    # Swagger UI renders OpenAPI 3.1 from version 5 on (its OpenAPI31 plugin); 4.x, as in
    # the swagger-ui-bundle package, says the document has no valid version field.
    assert "OpenAPI31" in bundle


def test_the_docs_are_not_in_the_api_description(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not [p for p in paths if p.startswith(("/docs", "/redoc"))]
    assert client.get("/redoc").status_code == 404  # ReDoc would need a CDN
