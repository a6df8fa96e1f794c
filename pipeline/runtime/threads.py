"""One thread per process for BLAS and OpenMP: the pipeline parallelises over documents, not inside numpy.

The variables only take effect if set before numpy is first imported, so this runs when the CLI or the
runtime is imported and again in every worker process; a value the user set is left alone.
"""

from __future__ import annotations

import os
import sys

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def cap_blas_threads() -> None:
    """Set every BLAS/OpenMP thread count to 1 unless the environment already says otherwise."""
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    if "numpy" in sys.modules:  # numpy came first (a library user, a Dask worker): limit its pool directly
        try:
            from threadpoolctl import threadpool_limits

            threadpool_limits(1)
        except ImportError:
            pass
