"""Helpers the tests share: servers, seeds, hostile inputs, fuzz profiles."""
