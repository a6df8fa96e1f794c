"""Per-document stages, registered by name (pipeline.registry) and run in the order params.yaml gives.

Importing this package registers every stage; each stage reads the layers earlier stages wrote on the
Document and adds its own.
"""

from pipeline.stages import (  # noqa: F401  (imported for registration)
    language,
    tokenise,
    orgs,
    dates,
    places,
    agreements,
    events,
    stanza_ner,
)
