"""How this process proves who it is to Kafka.

Locally and in tests: nothing (a plaintext loopback broker). In production each service
has its own Kafka user (a Strimzi `KafkaUser`, generated with its ACLs from
`livebid_platform.access`) and connects with SCRAM over TLS, so a service can write only
its own topics. Every Kafka client of the platform is built with `client_config`.
"""

from __future__ import annotations

import functools
import ssl
from typing import Any, Literal

from aiokafka.helpers import create_ssl_context
from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class KafkaAuth(BaseSettings):
    """LIVEBID_KAFKA_SECURITY_PROTOCOL, _SASL_MECHANISM, _USERNAME, _PASSWORD, _CA_FILE."""

    model_config = SettingsConfigDict(env_prefix="LIVEBID_KAFKA_", extra="ignore")

    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "SCRAM-SHA-512"
    username: str = ""
    password: str = ""
    # The cluster's CA certificate (Strimzi: the `<cluster>-cluster-ca-cert` Secret).
    ca_file: str = ""

    @model_validator(mode="after")
    def _sasl_needs_a_user(self) -> KafkaAuth:
        if self.security_protocol.startswith("SASL") and not (self.username and self.password):
            raise ValueError("LIVEBID_KAFKA_USERNAME and LIVEBID_KAFKA_PASSWORD are required")
        return self

    def options(self) -> dict[str, Any]:
        """The aiokafka keyword arguments this configuration stands for."""
        options: dict[str, Any] = {"security_protocol": self.security_protocol}
        if self.security_protocol.startswith("SASL"):
            options |= {
                "sasl_mechanism": self.sasl_mechanism,
                "sasl_plain_username": self.username,
                "sasl_plain_password": self.password,
            }
        if self.security_protocol.endswith("SSL"):
            options["ssl_context"] = _tls(self.ca_file)
        return options


def _tls(ca_file: str) -> ssl.SSLContext:
    context: ssl.SSLContext = create_ssl_context(cafile=ca_file or None)
    return context


@functools.cache
def _process_auth() -> dict[str, Any]:
    # Read once per process: every client of a service connects as the same user.
    return KafkaAuth().options()


def reload_auth() -> None:
    """Read the credentials from the environment again (a test that logs in as several
    users in one process; a service never changes user)."""
    _process_auth.cache_clear()


def client_config(bootstrap: str) -> dict[str, Any]:
    """`bootstrap_servers` plus this process's credentials, for any aiokafka client."""
    return {"bootstrap_servers": bootstrap, **_process_auth()}
