"""PDFium functions called with plain addresses. pypdfium2's own wrappers convert their handle
arguments on every call, which on loops over every character, object or path segment of a
page costs more than the call itself."""

from __future__ import annotations

import ctypes

ADDRESS, INT = ctypes.c_void_p, ctypes.c_int


def direct(function, result, *arguments):
    """`function` (one of pypdfium2.raw's) taking and giving addresses as ints."""
    return ctypes.CFUNCTYPE(result, *arguments)(ctypes.cast(function, ctypes.c_void_p).value)


def address(handle) -> int:
    """A pypdfium2 handle's address (0 for none)."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0
