"""The order-lifecycle routes: strangers see nothing, refusals are 4xx with the reason."""

from __future__ import annotations

from edge_fakes import BUNDLE, CannedService, _action, bearer, edge_app, services
from fastapi.testclient import TestClient
from livebid.orders.v1 import orders_service_pb2 as orders


def orders_service(**replies: object) -> CannedService:
    return CannedService(GetBundle=orders.GetBundleResponse(bundle=BUNDLE), **replies)  # type: ignore[arg-type]


def test_a_stranger_to_a_bundle_gets_404_and_nothing_is_asked_of_it() -> None:
    fake = orders_service(RetryPayment=orders.RetryPaymentResponse(action=_action()))
    with TestClient(edge_app(services(orders=fake))) as client:
        answer = client.post(
            "/v1/bundles/b1/payment-retries", json={"card_ref": "c"}, headers=bearer("mallory")
        )
    assert answer.status_code == 404
    assert [type(r).__name__ for r in fake.requests] == ["GetBundleRequest"]


def test_a_refused_change_is_a_409_with_the_bundles_reason() -> None:
    refused = _action("not_ready", "some orders are not paid")
    fake = orders_service(MarkShipped=orders.MarkShippedResponse(action=refused))
    with TestClient(edge_app(services(orders=fake))) as client:
        answer = client.post(
            "/v1/bundles/b1/shipment",
            json={"carrier": "UPS", "tracking_number": "1Z"},
            headers=bearer("sam", "seller"),
        )
    assert answer.status_code == 409
    assert answer.json()["detail"] == "not_ready: some orders are not paid"


def test_a_buyer_doing_a_sellers_part_is_403() -> None:
    refused = _action("not_yours", "this order is another seller's")
    fake = orders_service(RetryPayment=orders.RetryPaymentResponse(action=refused))
    with TestClient(edge_app(services(orders=fake))) as client:
        answer = client.post(
            "/v1/bundles/b1/payment-retries", json={"card_ref": "c"}, headers=bearer("sam")
        )
    assert answer.status_code == 403


def test_a_carrier_webhook_with_another_tracking_number_is_refused() -> None:
    with TestClient(edge_app(services(orders=orders_service()))) as client:
        answer = client.post(
            "/v1/carrier/deliveries",
            json={"bundle_id": "b1", "tracking_number": "WRONG"},
            headers=bearer("ups", "carrier"),
        )
    assert answer.status_code == 409
