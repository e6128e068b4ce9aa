"""HTTP service: app factory, worker pool, settings."""
