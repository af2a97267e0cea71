"""The form engine: plain Python that knows the organisation file, not Telegram."""
