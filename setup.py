"""Build step only (all metadata is in pyproject.toml): ship models/ and params.yaml inside the wheel.

models/ and params.yaml stay at the repository top level (DVC tracks them there and every tool reads them
there), so they cannot be declared as package data of ``pipeline``. This ``build_py`` copies them into
``pipeline/_data/`` of the build, where ``pipeline.knowledge.resources`` and ``pipeline.config`` look
first; an editable install keeps reading the checkout's copies.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildPyWithData(build_py):
    """Copy the default language resources and config into the package being built."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "pipeline" / "_data"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(HERE / "models", target / "models", ignore=SKIP)
        shutil.copy2(HERE / "params.yaml", target / "params.yaml")


setup(cmdclass={"build_py": BuildPyWithData})
