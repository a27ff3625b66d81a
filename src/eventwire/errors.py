"""Every error eventwire raises on purpose: a code, what happened, what to do.

Codes are stable (E0xx input, E1xx models and data, E2xx storage, E3xx
evaluation, E9xx internal); docs and tests refer to them. The CLI prints
``[CODE] message`` and maps the class to an exit status.
"""

from __future__ import annotations

from typing import Any


class EventwireError(Exception):
    """Base class: ``code`` is stable, ``str(err)`` says what to do."""

    code = "E000"
    template = "eventwire failed: {detail}"
    exit_status = 1

    def __init__(self, **info: Any) -> None:
        self.info = info
        super().__init__(f"[{self.code}] " + self.template.format(**info))

    @property
    def message(self) -> str:
        return self.template.format(**self.info)


class UnknownFileType(EventwireError):
    code = "E001"
    template = ("{path}: cannot read files of type '{suffix}'. Give .txt, .html/.htm, "
                ".jsonl or .warc/.warc.gz files, or rename the file to its real type.")
    exit_status = 2


class UndecodableText(EventwireError):
    code = "E002"
    template = ("{path}: the bytes are not UTF-8, UTF-16 or Windows-1252 text ({detail}). "
                "Convert the file to UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`) and ingest it again.")
    exit_status = 2


class EmptyArticle(EventwireError):
    code = "E003"
    template = ("{path}: no article text is left after cleaning. Check that the file holds "
                "the article body and not only a page shell or navigation.")
    exit_status = 2


class BadJsonLine(EventwireError):
    code = "E004"
    template = ("{path}, line {line}: {detail}. Each line must be one JSON object with a "
                "'text' (or 'html') field; fix or remove that line.")
    exit_status = 2


class BadMetadata(EventwireError):
    code = "E005"
    template = "{path}: {field} {value!r} is not valid: {detail}"
    exit_status = 2


class FileNotFound(EventwireError):
    code = "E006"
    template = "{path}: no such file or folder. Check the path."
    exit_status = 2


class BadWarc(EventwireError):
    code = "E007"
    template = ("{path}: the WARC archive cannot be read ({detail}). Check that the file is "
                "a complete .warc or .warc.gz (a truncated download often causes this).")
    exit_status = 2


class EngineOptions(EventwireError):
    code = "E008"
    template = "engine options do not fit together: {detail}. See `eventwire ingest --help`."
    exit_status = 2


class ModelNotInstalled(EventwireError):
    code = "E101"
    template = ("spaCy model '{model}' is not installed. Run `make demo` (or "
                "`pip install -r requirements.lock`) to install the pinned model, or set "
                "EVENTWIRE_MODEL to a spaCy model you have installed.")


class DataFileError(EventwireError):
    code = "E102"
    template = "{path}: data file is invalid: {detail}. Restore it from the repository."


class GazetteerFileError(EventwireError):
    code = "E103"
    template = ("{path}: not a GeoNames dump ({detail}). Give allCountries.zip/.txt or a country "
                "file (e.g. SY.zip) from the GeoNames export, in its 19-column tab-separated format.")
    exit_status = 2


class DatabaseLocked(EventwireError):
    code = "E201"
    template = ("{path}: the database is in use by another process. Stop the other eventwire "
                "command (or `eventwire serve`) or give another file with --db.")


class DatabaseNewer(EventwireError):
    code = "E202"
    template = ("{path}: the database has schema version {found}, newer than this eventwire "
                "knows ({known}). Upgrade eventwire, or use another --db file.")


class DatabaseCorrupt(EventwireError):
    code = "E203"
    template = ("{path}: not an eventwire DuckDB database ({detail}). Give another --db file; "
                "this one was left untouched.")


class ArticleNotFound(EventwireError):
    code = "E204"
    template = "no article with id '{article_id}' in {path}. List ids with `eventwire events`."
    exit_status = 2


class ExportError(EventwireError):
    code = "E205"
    template = "{path}: cannot write the export ({detail}). Check the folder exists and is writable."


class BadFilter(EventwireError):
    code = "E206"
    template = "{option} {value!r} is not valid: {detail}"
    exit_status = 2


class GoldFileError(EventwireError):
    code = "E301"
    template = "{path}: gold file is invalid: {detail}. See shared/eval/README.md for the format."
    exit_status = 2


class FloorBroken(EventwireError):
    code = "E302"
    template = ("quality gate failed: {detail}. Fix the regression, or lower the floor with "
                "`eventwire eval --lower-floors --reason '...'` and say why in the commit.")


class CorpusChanged(EventwireError):
    code = "E303"
    template = ("the gold corpus changed (hash {found}, floors pinned for {pinned}). Run "
                "`eventwire eval --update-floors` to re-pin the floors for the new corpus.")


class ProvenanceError(EventwireError):
    code = "E901"
    template = ("internal error: {where} claims {text!r} at {field}[{start}:{end}], which does not "
                "hold that text. Please report this with the input article.")
