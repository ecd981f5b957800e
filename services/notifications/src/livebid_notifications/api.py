"""gRPC API of notifications, for the edge: a user's inbox after a cursor.

Run: python -m livebid_notifications
"""

from __future__ import annotations

import grpc
from livebid.notifications.v1 import notifications_pb2 as pb
from livebid.notifications.v1 import notifications_pb2_grpc as pb_grpc

from livebid_notifications import codec
from livebid_notifications.inbox_store import InboxStore

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


class NotificationsApi(pb_grpc.NotificationsServiceServicer):  # type: ignore[misc]
    def __init__(self, store: InboxStore) -> None:
        self._store = store

    async def ListInbox(
        self, request: pb.ListInboxRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListInboxResponse:
        if not request.user_id:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "user_id is required")
        if request.after_cursor < 0 or request.limit < 0:
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT, "after_cursor and limit cannot be negative"
            )
        limit = min(request.limit or DEFAULT_LIMIT, MAX_LIMIT)
        entries = self._store.after(request.user_id, request.after_cursor, limit)
        return pb.ListInboxResponse(notifications=[codec.notification_to_proto(n) for n in entries])
