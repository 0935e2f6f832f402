"""The headless core: models, storage, rules. Never imports textual."""
