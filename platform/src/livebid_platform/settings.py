"""Typed settings read from the environment (prefix LIVEBID_), validated at startup."""

from __future__ import annotations

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PLACEHOLDER_SECRET = "development-only-secret-change-me"


class PlatformSettings(BaseSettings):
    """What every service needs to reach the platform. Service settings extend this."""

    model_config = SettingsConfigDict(env_prefix="LIVEBID_", extra="ignore")

    environment: str = "development"  # development, test, production
    kafka_bootstrap_servers: str = "127.0.0.1:19092"
    # Replicas of the topics a service creates: 1 for a single local broker, 3 in production.
    topic_replication_factor: int = 1
    service_name: str = "livebid"
    log_level: str = "INFO"
    # This replica's stable name: its processor's transactional id and static group member.
    replica: str = "0"
    # Where this process serves Prometheus metrics (`host:port`); empty: not served.
    metrics_bind: str = ""
    # Signs the bearer tokens client apps present at the edge.
    token_secret: str = _PLACEHOLDER_SECRET

    catalog_grpc: str = "127.0.0.1:50051"
    bidding_grpc: str = "127.0.0.1:50052"
    orders_grpc: str = "127.0.0.1:50053"
    notifications_grpc: str = "127.0.0.1:50054"
    # The payment provider orders charges through: the local simulator's HTTP API.
    payments_http: str = "127.0.0.1:50060"

    @model_validator(mode="after")
    def _no_placeholder_secret_in_production(self) -> PlatformSettings:
        if self.environment == "production" and self.token_secret == _PLACEHOLDER_SECRET:
            raise ValueError("LIVEBID_TOKEN_SECRET must be set outside development")
        return self
