"""CLI subcommands that belong to the loading side."""
