"""Tables of a report: table blocks found in the text (`blocks`), their lines split into a
column grid (`grid`), and read into standard tables of rows and figures (`read`)."""

from auditor.tables.model import TOTAL_WORD, Cell, Column, Row, Segment, Table
from auditor.tables.read import read_tables

__all__ = ["TOTAL_WORD", "Cell", "Column", "Row", "Segment", "Table", "read_tables"]
