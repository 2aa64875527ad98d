"""Signing in and out, throttling, idle timeout, and keeping what was typed when a session ends."""
