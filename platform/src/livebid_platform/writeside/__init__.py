"""The shared write-side runtime: declare deciders, run them partition-owned on Kafka.

Read `decider.py` (what a service declares), then `processor.py` (how it runs).
"""

from livebid_platform.writeside.decider import Codec, Decider, NoEffect, Rejected, WriteSide
from livebid_platform.writeside.decisions import Decision, Decisions
from livebid_platform.writeside.gateway import Gateway, KeyReused, NoDecisionYet
from livebid_platform.writeside.policy import Command, Policy
from livebid_platform.writeside.processor import Processor

__all__ = [
    "Codec",
    "Command",
    "Decider",
    "Decision",
    "Decisions",
    "Gateway",
    "KeyReused",
    "NoDecisionYet",
    "NoEffect",
    "Policy",
    "Processor",
    "Rejected",
    "WriteSide",
]
