"""Running a batch: the extractor (stages built once), executors (serial, processes, Dask), the
per-document cache and the two-pass runner.

Importing the runtime caps BLAS threads first: py3langid pulls in numpy, whose OpenBLAS threads would spin
on every core of every worker process (``--jobs 2`` slower than one process, whole runs doubling in time).
"""

from pipeline.runtime.threads import cap_blas_threads

cap_blas_threads()
