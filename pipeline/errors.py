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
E_BAD_TYPE = "[E010] {where}: {key!r} must be {expected}, got {value!r} ({got}). Fix it in {path}."
E_OUT_OF_RANGE = "[E011] {where}: {key!r} must be {rule}, got {value!r}. Fix it in {path}."
E_DUPLICATE_STAGE = "[E012] stage(s) {names} listed more than once in 'stages' of {path}: each stage runs once."
E_BAD_YAML = "[E013] {path} is not valid YAML: {problem}"
E_YAML_LIMIT = "[E014] {path}: {problem}; a config file is small, plain YAML"
E_BAD_OUT = "[E015] --out {path}: {problem}. Give an empty or new folder, or the folder of an earlier run."
E_LOCKED = "[E016] output folder {path} is in use by another run ({holder}); wait for it to finish or use another --out."
E_BAD_REV = "[E017] {rev!r} is not a revision of this repository ({problem})."
E_BAD_RUN = "[E018] {path}: {problem}. Give the output folder of a finished run."
E_UNKNOWN_KEY = "[E019] {where}: unknown key(s) {keys} in {path}. Known keys: {known}."
