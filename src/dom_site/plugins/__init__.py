"""The project's MkDocs plugins, registered as entry points in pyproject.toml."""
