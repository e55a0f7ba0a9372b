"""Exceptions raised by the binding: one class per ``ccad_error`` code."""
from __future__ import annotations

from typing import Dict, Optional, Tuple, Type


class CadenceError(Exception):
    """A libcustcadence call failed.

    :ivar code: the negative ``ccad_error`` status code.
    :ivar message: the detailed message (the context's ``ccad_ctx_errmsg()``
        when the library recorded one, else the short text of the code).
    :ivar function: the C function that failed.
    """

    code: int = 0

    def __init__(self, code: int, message: str, function: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.function = function

    def __str__(self) -> str:
        return self.message


class InvalidArgument(CadenceError, ValueError):
    """CCAD_EINVAL: a NULL or malformed argument."""
    code = -1


class OutOfMemory(CadenceError, MemoryError):
    """CCAD_ENOMEM: the allocator failed."""
    code = -2


class RangeError(CadenceError, ValueError):
    """CCAD_ERANGE: a value outside its documented range."""
    code = -3


class ParseError(CadenceError, ValueError):
    """CCAD_EPARSE: malformed rules text (or date text).

    :ivar line: 1-based line of the error, or None when unknown.
    :ivar column: 1-based column (bytes), or None.
    """
    code = -4

    def __init__(self, code: int, message: str, function: str = "",
                 line: Optional[int] = None, column: Optional[int] = None) -> None:
        super().__init__(code, message, function)
        self.line = line
        self.column = column


class NotFound(CadenceError, LookupError):
    """CCAD_ENOTFOUND: no such customer, index or parameter."""
    code = -5


class AlreadyExists(CadenceError, ValueError):
    """CCAD_EEXIST: a customer with this id is already in the book."""
    code = -6


class Overflow(CadenceError, OverflowError):
    """CCAD_EOVERFLOW: a count or size would overflow."""
    code = -7


class NoSpace(CadenceError):
    """CCAD_ENOSPC: a buffer was too small (the binding retries; rarely seen)."""
    code = -8


class StaleGrades(CadenceError):
    """CCAD_ESTALE: the book changed since it was graded: call ``Book.grade()``."""
    code = -9


class CallbackError(CadenceError):
    """CCAD_ECALLBACK: a host callback reported failure.

    When the callback was Python code that raised, the binding raises the
    original exception instead, with this error as its ``__cause__``.
    """
    code = -10


class VersionError(CadenceError):
    """CCAD_EVERSION: a struct size this library does not know."""
    code = -11


class NotSupported(CadenceError):
    """CCAD_ENOTSUP: the host callback (clock, store, travel) is not provided."""
    code = -12


class ConflictError(CadenceError, ValueError):
    """CCAD_ECONFLICT: a parameter value conflicts with another parameter."""
    code = -13


class BusyError(CadenceError, RuntimeError):
    """CCAD_EBUSY: the handle is in use by a call that is still running.

    The binding raises it itself when a callback closes a handle (or
    replaces the store) of the context whose call invoked it: the C code is
    still using that memory. The library (1.1 on) returns -14 itself for
    the same misuse from C (docs/integration.md, "Re-entry").
    """
    code = -14


_CLASSES: Tuple[Type[CadenceError], ...] = (
    InvalidArgument, OutOfMemory, RangeError, ParseError, NotFound, AlreadyExists, Overflow,
    NoSpace, StaleGrades, CallbackError, VersionError, NotSupported, ConflictError, BusyError)
ERROR_CLASSES: Dict[int, Type[CadenceError]] = {cls.code: cls for cls in _CLASSES}


def error_class(code: int) -> Type[CadenceError]:
    """The exception class of a status code (CadenceError for unknown codes)."""
    return ERROR_CLASSES.get(code, CadenceError)
