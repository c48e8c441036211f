"""The file formats quizkit reads and writes, named once for the CLI and the core.

Kept apart from the importers and exporters so that `quizkit --help` can list them
without loading any format code.
"""

IMPORT_FORMATS = (
    "deck",
    "csv",
    "tsv",
    "anki-text",
    "quizlet",
    "apkg",
    "json",
    "md",
    "supermemo",
    "mnemosyne",
)
# `html` is the printable handout, written by quizkit.exporters.html.
EXPORT_FORMATS = ("csv", "tsv", "json", "md", "apkg", "deck", "html")
