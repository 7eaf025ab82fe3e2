"""Keeping what you read: corrections and exports."""
