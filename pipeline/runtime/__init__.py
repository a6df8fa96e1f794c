"""Running a batch: the extractor (stages built once), executors (serial, processes, Dask), the
per-document cache and the two-pass runner."""
