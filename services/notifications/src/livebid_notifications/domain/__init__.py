"""The pure core of notifications: what a show looks like live, and who is told what."""
