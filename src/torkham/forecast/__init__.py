"""Forecasts of monthly fatalities: histories cut at the origin (history), the field's baselines (baselines),
candidate models (models), running them seeded and cached (run), results (results) and the rolling-origin
backtest (backtest). See docs/forecasting.md."""
