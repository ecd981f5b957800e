"""Development and test tooling; never a dependency of a service or a production image."""
