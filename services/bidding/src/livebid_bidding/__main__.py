"""Bidding service entry point.

python -m livebid_bidding processor   # decides auctions, flash sales, giveaways (partition-owned)
python -m livebid_bidding api         # gRPC API: appends commands, returns decisions (and
                                      # follows orders.events.v1 for spending limits)

Reads LIVEBID_KAFKA_BOOTSTRAP_SERVERS, LIVEBID_BIDDING_GRPC, LIVEBID_REPLICA (a stable name
per processor replica) and LIVEBID_LOG_LEVEL.
"""

from __future__ import annotations

import sys

from livebid.bidding.v1 import bidding_service_pb2_grpc as api_grpc

from livebid_bidding.api import BiddingApi
from livebid_bidding.exposure import Exposure
from livebid_bidding.write_side import BIDDING
from livebid_platform import runtime, service
from livebid_platform.settings import PlatformSettings
from livebid_platform.topics import ORDERS_EVENTS

SERVICE_NAME = "livebid.bidding.v1.BiddingService"


def main() -> None:
    role = sys.argv[1] if len(sys.argv) > 1 else ""
    settings = PlatformSettings()
    # New buyers' spending limits count what orders' public events say is unpaid or held.
    exposure = Exposure()
    mains = {
        "processor": service.processor_main(settings, BIDDING),
        "api": service.api_main(
            settings,
            BIDDING,
            settings.bidding_grpc,
            SERVICE_NAME,
            lambda commands, server: api_grpc.add_BiddingServiceServicer_to_server(
                BiddingApi(
                    commands.gateway, commands.decisions, commands.follower.sync, exposure.of
                ),
                server,
            ),
            reads=(
                service.ReadModel(
                    "bidding-orders-exposure", ORDERS_EVENTS.name, exposure.apply_record
                ),
            ),
        ),
    }
    if role not in mains:
        raise SystemExit(f"usage: python -m livebid_bidding {{{'|'.join(mains)}}}")
    runtime.run(f"bidding-{role}", mains[role], settings.log_level)


if __name__ == "__main__":
    main()
