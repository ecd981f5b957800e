"""Following a seller through the edge: the caller is the buyer, the catalog decides."""

from __future__ import annotations

from edge_fakes import CannedService, bearer, busy_services, edge_app, failure, services
from fastapi.testclient import TestClient
from grpc import StatusCode
from livebid.catalog.v1 import catalog_service_pb2 as cat


def test_a_buyer_follows_a_seller_as_themselves() -> None:
    clients = busy_services()
    with TestClient(edge_app(clients)) as client:
        answer = client.put("/v1/sellers/sam/followers/me", headers=bearer("bea"))
    assert answer.status_code == 200
    assert answer.json() == {"seller_id": "sam", "following": True, "changed": True}
    catalog = clients.catalog
    assert isinstance(catalog, CannedService)
    assert catalog.requests[-1] == cat.FollowSellerRequest(seller_id="sam", buyer_id="bea")


def test_unfollowing_a_seller_not_followed_changes_nothing() -> None:
    with TestClient(edge_app(busy_services())) as client:
        answer = client.delete("/v1/sellers/sam/followers/me", headers=bearer("bea"))
    assert answer.json() == {"seller_id": "sam", "following": False, "changed": False}


def test_following_needs_a_token() -> None:
    with TestClient(edge_app(busy_services())) as client:
        assert client.put("/v1/sellers/sam/followers/me").status_code == 401


def test_a_seller_following_themselves_is_a_400_with_the_reason() -> None:
    refused = failure(StatusCode.INVALID_ARGUMENT, "a seller cannot follow themselves")
    clients = services(catalog=CannedService(FollowSeller=refused))
    with TestClient(edge_app(clients)) as client:
        answer = client.put("/v1/sellers/sam/followers/me", headers=bearer("sam", "seller"))
    assert answer.status_code == 400
    assert "cannot follow themselves" in answer.json()["detail"]
