"""The ``dates`` stage (registered by name): ``stage`` runs it; ``resources`` loads models/ data; ``anylang``
builds resources for other languages from dateparser's locale data; ``context`` holds years, datelines,
instrument names and relative values."""

from pipeline.stages.dates.stage import DateParams, DateStage, search_dates_baseline

__all__ = ["DateParams", "DateStage", "search_dates_baseline"]
