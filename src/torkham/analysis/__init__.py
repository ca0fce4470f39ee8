"""Analytics over the events table: series, escalation signals, charts.

Queries are Ibis expressions over the `events` and `dataset_actor_names` tables (run on DuckDB here,
portable to other Ibis backends); the small results (one row per period) are finished in Python."""
