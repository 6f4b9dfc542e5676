"""The import of inventory exports (CSV / XLSX with a ZIP of photographs) into records.

Dependencies go one way: ``reading`` (files) and ``rows`` (checks) know no
model; ``engine`` writes through the plugin's models; ``access`` asks the
records' permission policy; the management command and the admin views use
:func:`run_import`.
"""

from .engine import Importer, ImportOptions, run_import
from .reading import FileError, open_source
from .report import Entry, Report

__all__ = [
    "Entry",
    "FileError",
    "ImportOptions",
    "Importer",
    "Report",
    "open_source",
    "run_import",
]
