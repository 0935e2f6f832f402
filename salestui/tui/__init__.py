"""The full-screen terminal app (Textual). Imported lazily by the CLI."""
