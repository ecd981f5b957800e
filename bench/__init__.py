"""Benchmarks: Livebid's bid path beside raw Kafka, measured in the same run."""
