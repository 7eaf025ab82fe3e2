"""Runtime adjustments: the quick-exit terminal driver and the garbage-collector helpers."""
