"""What both clients do the same way: waits, retries, redaction, XML, timeouts, TLS, bodies.

Private to this distribution: ``hotdocs_advance`` and ``inforouter`` import it; users do not.
Each module holds one concern:

- ``_retry``: the retry policy's constants, ``Retry-After``, backoff and the testing hooks;
- ``_redact``: keeping secrets out of text;
- ``_xml``: the hardened lxml parser for untrusted XML;
- ``_http``: timeouts, the shared TLS context, sending, capped body reading, streamed bodies;
- ``_encoding``: content codings, decoded with bounded output;
- ``_insecure``: warnings for secrets sent where the network can read them.
"""

from ._encoding import ACCEPT_ENCODING, ContentEncodingError, UnreadableBodyError
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
from ._redact import REDACTED, redact
from ._retry import (
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRY_JITTER,
    RETRY_STATUS_CODES,
    async_retrying,
    async_sleep,
    backoff,
    is_retried_status,
    parse_retry_after,
    retrying,
    sleep,
)
from ._xml import DoctypeRefusedError, EntityDeclarationRefusedError, parse_untrusted, parser

__all__ = [
    "ACCEPT_ENCODING",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "INITIAL_RETRY_DELAY",
    "MAX_RESPONSE_BYTES",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "MAX_TIMEOUT_S",
    "REDACTED",
    "RETRY_JITTER",
    "RETRY_STATUS_CODES",
    "BodyTooLargeError",
    "ContentEncodingError",
    "DoctypeRefusedError",
    "EntityDeclarationRefusedError",
    "InsecureTransportWarning",
    "TransportWarnings",
    "UnreadableBodyError",
    "aiter_streamed",
    "aread_capped",
    "asend_capped",
    "asend_streamed",
    "async_retrying",
    "async_sleep",
    "backoff",
    "check_timeout",
    "is_loopback",
    "is_retried_status",
    "iter_streamed",
    "parse_retry_after",
    "parse_untrusted",
    "parser",
    "read_capped",
    "redact",
    "retrying",
    "send_capped",
    "send_streamed",
    "sleep",
    "ssl_context",
]
