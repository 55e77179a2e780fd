"""The schedule: organizations, documents and their proposals, and the reviewed events."""
