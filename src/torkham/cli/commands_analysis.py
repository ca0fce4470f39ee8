"""Analytics commands: series, signals, chart."""
