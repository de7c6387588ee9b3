"""Test-only plugins (like datasette's tests/plugins/)."""
