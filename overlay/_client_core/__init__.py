"""What both clients do the same way: waits, retries, redaction, XML, timeouts, TLS, bodies.

Private to this distribution: ``hotdocs_advance`` and ``inforouter`` import it; users do not.
Each module holds one concern:

- ``_retry``: the retry policy's constants, ``Retry-After``, backoff, and the waits and clock
  every retry and poll goes through (the testing hooks);
- ``_redact``: keeping secrets out of text, of requests and responses, and of exception chains
  (the masking rule is written there);
- ``_errors``: the base of both error roots, whose errors pickle;
- ``_xml``: the hardened lxml parser for untrusted XML;
- ``_http``: timeouts, the shared TLS context, sending, capped body reading, streamed bodies;
- ``_encoding``: content codings, decoded with bounded output;
- ``_insecure``: warnings for secrets sent where the network can read them;
- ``_public``: a public package's class names and version;
- ``_text``: quoting user values in messages, long ones cut (`shorten`).
"""

from ._encoding import ACCEPT_ENCODING, ContentEncodingError, UnreadableBodyError
from ._errors import PicklableError
from ._http import (
    DEFAULT_TIMEOUT,
    MAX_RESPONSE_BYTES,
    MAX_TIMEOUT_S,
    BodyTooLargeError,
    aiter_streamed,
    aread_capped,
    asend_capped,
    asend_streamed,
    check_timeout,
    iter_streamed,
    read_capped,
    send_capped,
    send_streamed,
    ssl_context,
)
from ._insecure import InsecureTransportWarning, TransportWarnings, is_loopback
from ._public import UNKNOWN_VERSION, module_getattr, package_version, publish
from ._redact import (
    CREDENTIAL_HEADERS,
    MIN_SECRET_IN_TEXT,
    REDACTED,
    MaskedException,
    Masker,
    raise_from,
    redact,
)
from ._retry import (
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRY_JITTER,
    RETRY_STATUS_CODES,
    async_pause,
    async_retrying,
    async_sleep,
    backoff,
    is_retried_status,
    monotonic,
    now,
    parse_retry_after,
    pause,
    retrying,
    sleep,
)
from ._text import MAX_QUOTED, shorten
from ._xml import (
    NOT_XML_CHAR,
    DoctypeRefusedError,
    EntityDeclarationRefusedError,
    parse_untrusted,
    parser,
)

__all__ = [
    "ACCEPT_ENCODING",
    "CREDENTIAL_HEADERS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "INITIAL_RETRY_DELAY",
    "MAX_QUOTED",
    "MAX_RESPONSE_BYTES",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "MAX_TIMEOUT_S",
    "MIN_SECRET_IN_TEXT",
    "NOT_XML_CHAR",
    "REDACTED",
    "RETRY_JITTER",
    "RETRY_STATUS_CODES",
    "UNKNOWN_VERSION",
    "BodyTooLargeError",
    "ContentEncodingError",
    "DoctypeRefusedError",
    "EntityDeclarationRefusedError",
    "InsecureTransportWarning",
    "MaskedException",
    "Masker",
    "PicklableError",
    "TransportWarnings",
    "UnreadableBodyError",
    "aiter_streamed",
    "aread_capped",
    "asend_capped",
    "asend_streamed",
    "async_pause",
    "async_retrying",
    "async_sleep",
    "backoff",
    "check_timeout",
    "is_loopback",
    "is_retried_status",
    "iter_streamed",
    "module_getattr",
    "monotonic",
    "now",
    "package_version",
    "parse_retry_after",
    "parse_untrusted",
    "parser",
    "pause",
    "publish",
    "raise_from",
    "read_capped",
    "redact",
    "retrying",
    "send_capped",
    "send_streamed",
    "shorten",
    "sleep",
    "ssl_context",
]
