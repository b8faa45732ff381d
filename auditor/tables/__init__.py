"""Tables of a report: table blocks found in the text (`blocks`), their lines split into a
column grid (`grid`), and read into standard tables of rows and figures (`read`)."""

from auditor.tables.read import TOTAL_WORD, Cell, Column, Row, Segment, Table, read_tables

__all__ = ["TOTAL_WORD", "Cell", "Column", "Row", "Segment", "Table", "read_tables"]
