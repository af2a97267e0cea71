"""Baton's Telegram side: handlers, forms, the outbox sender and the scheduler."""
