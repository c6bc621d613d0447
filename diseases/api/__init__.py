"""The public, read-only REST API under /api/v1/ (published content only, never personal data)."""
