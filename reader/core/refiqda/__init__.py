"""REFI-QDA exchange: codebooks (``.qdc``) and projects (``.qdpx``) for MAXQDA, NVivo,
ATLAS.ti and QualCoder, following the QDA-XML 1.0 schemas (www.qdasoftware.org)."""

from reader.core.refiqda.codebook import (
    Code,
    codebook_xml,
    codes_from_tags,
    export_codebook,
    parse_codebook,
)
from reader.core.refiqda.importing import import_codebook, read_codebook_file
from reader.core.refiqda.project import ProjectSummary, build_project, export_project
from reader.core.refiqda.project_import import ProjectImport, import_project
from reader.core.refiqda.project_reader import Project, read_project
from reader.core.refiqda.xmlsafe import RefiQdaError

__all__ = [
    "Code",
    "Project",
    "ProjectImport",
    "ProjectSummary",
    "RefiQdaError",
    "build_project",
    "codebook_xml",
    "codes_from_tags",
    "export_codebook",
    "import_codebook",
    "import_project",
    "parse_codebook",
    "read_codebook_file",
    "read_project",
    "export_project",
]
