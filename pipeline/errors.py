"""One catalogue of the errors the pipeline raises, each saying how to fix the problem."""

from __future__ import annotations


class PipelineError(Exception):
    """Base class: a message a user can act on."""


class ConfigError(PipelineError):
    """params.yaml asks for something that does not exist or has the wrong shape."""


class ResourceError(PipelineError):
    """A file under models/ is missing or does not validate."""


class InputError(PipelineError):
    """One input document cannot be read; the batch goes on without it."""

    def __init__(self, source: str, problem: str, action: str = "skipped") -> None:
        super().__init__(f"{source}: {problem} ({action})")
        self.source = source
        self.problem = problem
        self.action = action


E_UNKNOWN_STAGE = "[E001] Unknown stage {name!r} in params.yaml 'stages'. Registered stages: {known}."
E_UNKNOWN_PARAM = "[E002] Stage {stage!r} does not take parameter(s) {keys}. It takes: {known}."
E_REQUIRES = (
    "[E003] Stage {stage!r} requires {missing} but no earlier stage provides it. "
    "Put a stage that provides it earlier in params.yaml 'stages' (earlier stages provide: {provided})."
)
E_UNKNOWN_SECTION = "[E004] Unknown section(s) {keys} in {path}. Known sections: {known}."
E_NO_INPUT = "[E005] No input documents found under {paths}. Give files or folders of .txt, .md, .html, .htm or .jsonl."
E_RESOURCE = "[E006] {path}: {problem}. Fix the file under models/ (see models/README.md for its format)."
